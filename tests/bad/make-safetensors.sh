#!/bin/sh
# make-safetensors.sh DIR -- write the malformed safetensors files of the
# bad-input corpus into DIR (made if needed), with printf only, so that no
# binary file is kept in the tree.  A safetensors file is an 8-byte
# little-endian header length N, N bytes of a JSON header, then the data.
# The cases tests/bad/cases/st_*.lc load them as st/NAME.safetensors.

[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 99; }
dir=$1
mkdir -p "$dir" || exit 99

# le64 N: N as 8 bytes, little-endian
le64()
{
    n=$1
    i=0
    while [ $i -lt 8 ]; do
        printf "\\$(printf '%03o' $((n % 256)))"
        n=$((n / 256))
        i=$((i + 1))
    done
}

# st NAME HEADER [DATA-PRINTF]: a file with that JSON header and data bytes
st()
{
    {
        le64 ${#2}
        printf '%s' "$2"
        [ $# -lt 3 ] || printf "$3"
    } > "$dir/$1.safetensors"
}

# one F32 value 1.0, and a NaN
one='\000\000\200\077'
nan='\000\000\300\177'
W=layers.0.self_attn.in_proj_weight

: > "$dir/empty.safetensors"
printf 'abc' > "$dir/short.safetensors"
# a header length of 4096 in a file of 8 + 2 bytes
{ le64 4096; printf '{}'; } > "$dir/header_past_end.safetensors"
st not_json '{"a": '
st not_object '[1, 2]'
st no_layers '{}'
st no_dtype "{\"$W\": {\"shape\": [3, 1], \"data_offsets\": [0, 12]}}" "$one$one$one"
st bad_dtype "{\"$W\": {\"dtype\": \"I32\", \"shape\": [3, 1], \"data_offsets\": [0, 12]}}" "$one$one$one"
st one_dim "{\"$W\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 12]}}" "$one$one$one"
st negative_shape "{\"$W\": {\"dtype\": \"F32\", \"shape\": [-3, 1], \"data_offsets\": [0, 12]}}" "$one$one$one"
st offsets_past_end "{\"$W\": {\"dtype\": \"F32\", \"shape\": [3, 1], \"data_offsets\": [0, 400]}}" "$one$one$one"
st offsets_short "{\"$W\": {\"dtype\": \"F32\", \"shape\": [3, 1], \"data_offsets\": [0, 8]}}" "$one$one$one"
st wrong_shape "{\"$W\": {\"dtype\": \"F32\", \"shape\": [2, 1], \"data_offsets\": [0, 8]}}" "$one$one"
st nan_value "{\"$W\": {\"dtype\": \"F32\", \"shape\": [3, 1], \"data_offsets\": [0, 12]}}" "$one$nan$one"
st duplicate_key "{\"$W\": {\"dtype\": \"F32\", \"shape\": [3, 1], \"data_offsets\": [0, 12]}, \"$W\": {}}" "$one$one$one"

# A GPT-2 layer with d_e = 1 and d_f = 1: sixteen F32 values of 1.0, the
# tensors in order.  gpt2 NAME FIRST [MORE [DATA]]: FIRST is the entry of
# h.0.attn.c_attn.weight ([1, 3], bytes 0..12), MORE extra entries, DATA
# the 64 data bytes (all 1.0 by default).
ones16=$one$one$one$one$one$one$one$one$one$one$one$one$one$one$one$one
gpt2()
{
    rest='"h.0.attn.c_attn.bias": {"dtype": "F32", "shape": [3], "data_offsets": [12, 24]},
"h.0.attn.c_proj.weight": {"dtype": "F32", "shape": [1, 1], "data_offsets": [24, 28]},
"h.0.attn.c_proj.bias": {"dtype": "F32", "shape": [1], "data_offsets": [28, 32]},
"h.0.mlp.c_fc.weight": {"dtype": "F32", "shape": [1, 1], "data_offsets": [32, 36]},
"h.0.mlp.c_fc.bias": {"dtype": "F32", "shape": [1], "data_offsets": [36, 40]},
"h.0.mlp.c_proj.weight": {"dtype": "F32", "shape": [1, 1], "data_offsets": [40, 44]},
"h.0.mlp.c_proj.bias": {"dtype": "F32", "shape": [1], "data_offsets": [44, 48]},
"h.0.ln_1.weight": {"dtype": "F32", "shape": [1], "data_offsets": [48, 52]},
"h.0.ln_1.bias": {"dtype": "F32", "shape": [1], "data_offsets": [52, 56]},
"h.0.ln_2.weight": {"dtype": "F32", "shape": [1], "data_offsets": [56, 60]},
"h.0.ln_2.bias": {"dtype": "F32", "shape": [1], "data_offsets": [60, 64]}'
    st "$1" "{\"h.0.attn.c_attn.weight\": $2, $rest${3:+, $3}}" "${4:-$ones16}"
}
A='"dtype": "F32", "shape": [1, 3]'
gpt2 gpt2_ok "{$A, \"data_offsets\": [0, 12]}"
gpt2 gpt2_dtype '{"dtype": "I32", "shape": [1, 3], "data_offsets": [0, 12]}'
gpt2 gpt2_no_offsets '{"dtype": "F32", "shape": [1, 3]}'
gpt2 gpt2_offsets_past_end "{$A, \"data_offsets\": [0, 400]}"
gpt2 gpt2_offsets_reversed "{$A, \"data_offsets\": [12, 0]}"
gpt2 gpt2_offsets_short "{$A, \"data_offsets\": [0, 8]}"
gpt2 gpt2_shape_3d '{"dtype": "F32", "shape": [1, 3, 1], "data_offsets": [0, 12]}'
gpt2 gpt2_shape_wrong '{"dtype": "F32", "shape": [3, 1], "data_offsets": [0, 12]}'
gpt2 gpt2_nan "{$A, \"data_offsets\": [0, 12]}" '' "$one$nan$one$one$one$one$one$one$one$one$one$one$one$one$one$one"
gpt2 gpt2_layer_gap "{$A, \"data_offsets\": [0, 12]}" '"h.2.ln_1.weight": {"dtype": "F32", "shape": [1], "data_offsets": [64, 68]}' "$ones16$one"
exit 0
