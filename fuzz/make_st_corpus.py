#!/usr/bin/python3
"""Regenerate the seed corpus of fuzz_safetensors, fuzz/corpus/safetensors/:
the PyTorch fixtures (tests/fixtures/torch_*.safetensors, which conform to
the format) and small files built here, conforming and not, one per rule of
the format that lib/transformer_st.c checks.  Run from the top of the source
tree:  python3 fuzz/make_st_corpus.py
"""
import json
import os
import shutil
import struct

OUT = "fuzz/corpus/safetensors"
TORCH = ["self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight",
         "self_attn.out_proj.bias", "linear1.weight", "linear1.bias", "linear2.weight",
         "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias"]
GPT2 = ["attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight", "attn.c_proj.bias",
        "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight", "mlp.c_proj.bias",
        "ln_1.weight", "ln_1.bias", "ln_2.weight", "ln_2.bias"]
SIZE = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "U8": 1, "I64": 8}
ONE = {"F64": struct.pack("<d", 0.25), "F32": struct.pack("<f", 0.25), "F16": b"\x00\x34",
       "BF16": b"\x80\x3e", "U8": b"\x01", "I64": struct.pack("<q", 1)}


def shapes(mapping, d_e, d_f):
    if mapping == "torch":
        return [[3 * d_e, d_e], [3 * d_e], [d_e, d_e], [d_e], [d_f, d_e], [d_f], [d_e, d_f],
                [d_e], [d_e], [d_e], [d_e], [d_e]]
    return [[d_e, 3 * d_e], [3 * d_e], [d_e, d_e], [d_e], [d_e, d_f], [d_f], [d_f, d_e], [d_e],
            [d_e], [d_e], [d_e], [d_e]]


def model(mapping="torch", d_e=2, d_f=3, n_t=1, dtype="F64", prefix="", meta=None, extra=()):
    """[(name, dtype, shape)] of a model, in file order."""
    names = TORCH if mapping == "torch" else GPT2
    lay = "layers." if mapping == "torch" else "h."
    ts = []
    for t in range(n_t):
        for n, s in zip(names, shapes(mapping, d_e, d_f)):
            ts.append((prefix + lay + str(t) + "." + n, dtype, s))
    return ts + list(extra)


def nbytes(dtype, shape):
    n = 1
    for d in shape:
        n *= d
    return n * SIZE[dtype]


def build(ts, meta=None, offsets=None, tail=b"", value=None, pad=b""):
    """The file: header with contiguous offsets (or offsets[i] when given),
    data of each tensor's values, then tail."""
    hdr, data, off = {}, b"", 0
    if meta is not None:
        hdr["__metadata__"] = meta
    for i, (n, dt, s) in enumerate(ts):
        sz = nbytes(dt, s)
        o = offsets[i] if offsets and offsets[i] is not None else [off, off + sz]
        hdr[n] = {"dtype": dt, "shape": s, "data_offsets": o}
        data += (value or ONE[dt]) * (sz // SIZE[dt])
        off += sz
    h = json.dumps(hdr, separators=(",", ":")).encode() + pad
    return struct.pack("<Q", len(h)) + h + data + tail


def raw_header(h, data=b""):
    return struct.pack("<Q", len(h)) + h + data


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for f in sorted(os.listdir("tests/fixtures")):
        if f.endswith(".safetensors"):
            shutil.copy(os.path.join("tests/fixtures", f), os.path.join(OUT, "fixture-" + f))
    tiny = model()
    n = len(tiny)
    files = {
        # conforming
        "ok-torch-f64": build(tiny, meta={"format": "pt"}),
        "ok-torch-f32-2layers": build(model(dtype="F32", n_t=2, d_e=4, d_f=4)),
        "ok-torch-f16-padded": build(model(dtype="F16"), pad=b"    "),
        "ok-torch-bf16-prefix": build(model(dtype="BF16", prefix="encoder.")),
        "ok-gpt2-f32-extra": build(model("gpt2", dtype="F32", prefix="transformer.",
                                         extra=[("wte.weight", "F32", [5, 2]),
                                                ("h.0.attn.bias", "U8", [1, 1, 2, 2])])),
        "ok-empty-and-scalar-tensors": build(tiny + [("e", "F32", [0, 4]), ("s", "I64", [])]),
        "ok-subnormal-values": build(tiny, value=b"\x01\0\0\0\0\0\0\0"),
        "ok-huge-values": build(tiny, value=b"\xff\xff\xff\xff\xff\xff\xef\x7f"),
        # the file
        "bad-empty": b"",
        "bad-3-bytes": b"abc",
        "bad-text-file": b"root:x:0:0:root:/root:/bin/bash\n",
        "bad-header-length-huge": b"\xff\xff\xff\xff\0\0\0\0{}",
        "bad-header-not-brace": raw_header(b"[]"),
        "bad-json-syntax": raw_header(b'{"a": secret}'),
        "bad-json-truncated": raw_header(b'{"a": [1, 2'),
        "bad-json-duplicate-key": raw_header(b'{"a": {}, "a": {}}'),
        "bad-json-invalid-utf8": raw_header(b'{"\xff": {}}'),
        "bad-json-nul": raw_header(b'{"a\\u0000b": {}}'),
        "bad-json-deep": raw_header(b'{"a":' + b"[" * 3000 + b"]" * 3000 + b"}"),
        "bad-padding-newline": build(tiny, pad=b"\n"),
        "bad-padding-garbage": build(tiny, pad=b" x"),
        # the entries
        "bad-metadata-not-string": build(tiny, meta={"n": 1}),
        "bad-entry-no-offsets": raw_header(b'{"a":{"dtype":"F32","shape":[3]}}'),
        "bad-dtype-unknown": raw_header(b'{"a":{"dtype":"Q\\u0007","shape":[1],"data_offsets":[0,1]}}', b"z"),
        "bad-f4-misaligned": raw_header(b'{"a":{"dtype":"F4","shape":[3],"data_offsets":[0,2]}}', b"zz"),
        "bad-shape-negative": raw_header(b'{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}'),
        "bad-shape-overflow": raw_header(b'{"a":{"dtype":"U8","shape":[4294967296,4294967296,16],"data_offsets":[0,4]}}', b"zzzz"),
        "bad-size-mismatch": raw_header(b'{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}', b"z" * 8),
        "bad-offsets-reversed": raw_header(b'{"a":{"dtype":"U8","shape":[4],"data_offsets":[8,4]}}', b"z" * 8),
        "bad-offsets-beyond": build(tiny)[:-16],
        # the tiling
        "bad-overlap": build(tiny, offsets=[None] * (n - 1) + [[360, 376]])[:-16],
        "bad-hole": build(tiny, offsets=[None] * (n - 1) + [[384, 400]], tail=b"\0" * 8),
        "bad-unused-bytes": build(tiny, tail=b"\0" * 8),
        "bad-all-offsets-at-0": build(model(n_t=3), offsets=[[0, nbytes(dt, s)] for _, dt, s in model(n_t=3)])[:8 + 10000],
        # the model
        "bad-nan": build(tiny, value=b"\0\0\0\0\0\0\xf8\x7f"),
        "bad-layer-gap": build(tiny + [("layers.2.norm1.weight", "F64", [2])]),
        "bad-wrong-shape": build(model(d_e=2, d_f=3)[:6] + [("layers.0.linear2.weight", "F64", [2, 4])] + model()[7:]),
        "bad-missing-tensor": build(tiny[:-1]),
        "bad-long-escaped-name": raw_header(b'{"\\u001b[31m\'x\\\\' + b"0" * 80 + b'-END":{"dtype":"Q","shape":[1],"data_offsets":[0,1]}}', b"z"),
    }
    # the all-at-0 file: cut to its header and the largest tensor
    ts = model(n_t=3)
    big = max(nbytes(dt, s) for _, dt, s in ts)
    h = json.dumps({nm: {"dtype": dt, "shape": s, "data_offsets": [0, nbytes(dt, s)]}
                    for nm, dt, s in ts}, separators=(",", ":")).encode()
    files["bad-all-offsets-at-0"] = raw_header(h, b"\0" * big)
    for name, b in files.items():
        with open(os.path.join(OUT, name + ".safetensors"), "wb") as f:
            f.write(b)
    print(len(os.listdir(OUT)), "seeds in", OUT)


if __name__ == "__main__":
    main()
