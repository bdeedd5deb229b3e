/* transformer_st.c -- the safetensors container: the file, its header
 * length, its JSON header, and the rules of the format (transformer_st.h).
 * Nothing here knows about transformers; transformer_io.c maps the tensors
 * onto a model. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/stat.h>
#include "transformer_st.h"

const char *
_lc_st_qname(char * buf, const char * s)
{
    size_t n = strlen(s), i, k = 0;
    static const char hex[] = "0123456789abcdef";

    buf[k++] = '\'';
    for (i = 0; i < n; i++)
    {
        unsigned char c = (unsigned char) s[i];

        if (n > LC_ST_QNAME && i == 20)
        {
            memcpy(buf + k, "...", 3);
            k += 3;
            i = n - (LC_ST_QNAME - 23) - 1;
            continue;
        }
        if (c == '\'' || c == '\\')
        {
            buf[k++] = '\\';
            buf[k++] = (char) c;
        }
        else if (c >= 0x20 && c < 0x7f)
            buf[k++] = (char) c;
        else
        {
            buf[k++] = '\\';
            buf[k++] = 'x';
            buf[k++] = hex[c >> 4];
            buf[k++] = hex[c & 15];
        }
    }
    buf[k++] = '\'';
    buf[k] = '\0';
    return buf;
}

int
_lc_st_read(lc_st_file * F, uint64_t off, unsigned char * buf, size_t n)
{
    if (F->mem != NULL)
    {
        memcpy(buf, F->mem + F->data_start + off, n);
        return 0;
    }
    if (fseeko(F->f, (off_t) (F->data_start + off), SEEK_SET) != 0
        || fread(buf, 1, n, F->f) != n)
        return 1;
    return 0;
}

/* Every dtype of the format (safetensors' Dtype), with its size in bits. */
static const struct { const char * name; int bits; } st_dtypes[] = {
    { "BOOL", 8 }, { "F4", 4 }, { "F6_E2M3", 6 }, { "F6_E3M2", 6 }, { "U8", 8 }, { "I8", 8 },
    { "F8_E5M2", 8 }, { "F8_E4M3", 8 }, { "F8_E8M0", 8 }, { "F8_E4M3FNUZ", 8 },
    { "F8_E5M2FNUZ", 8 }, { "I16", 16 }, { "U16", 16 }, { "F16", 16 }, { "BF16", 16 },
    { "I32", 32 }, { "U32", 32 }, { "F32", 32 }, { "C64", 64 }, { "F64", 64 }, { "I64", 64 },
    { "U64", 64 } };

/* The size in bits of dtype s; 0 if the format has no such dtype. */
static int
dtype_bits(const char * s)
{
    size_t i;

    for (i = 0; i < sizeof st_dtypes / sizeof st_dtypes[0]; i++)
        if (strcmp(s, st_dtypes[i].name) == 0)
            return st_dtypes[i].bits;
    return 0;
}

typedef struct
{
    uint64_t b0, b1;
    const char * name;
}
st_span;

static int
span_cmp(const void * a, const void * b)
{
    const st_span * x = a, * y = b;

    if (x->b0 != y->b0)
        return x->b0 < y->b0 ? -1 : 1;
    if (x->b1 != y->b1)
        return x->b1 < y->b1 ? -1 : 1;
    return strcmp(x->name, y->name);    /* messages do not depend on qsort */
}

/* The header as the format defines it: __metadata__ maps strings to
   strings; every other key is a tensor {dtype, shape, data_offsets} whose
   byte size is the product of its shape times its dtype's size; and the
   tensors, sorted by offset, tile the data buffer exactly -- no overlap, no
   hole, no unused byte at the end. */
static int
validate_header(lc_st_file * F, lc_err_t err)
{
    const char * key;
    json_t * v;
    st_span * sp;
    size_t n = 0, i;
    uint64_t at;
    char q1[LC_ST_QBUF], q2[LC_ST_QBUF];
    int st = LC_OK;

    sp = flint_malloc(sizeof(st_span) * (json_object_size(F->hdr) + 1));
    json_object_foreach(F->hdr, key, v)
    {
        json_t * dt, * shape, * offs;
        uint64_t numel = 1, bits, nbytes;
        json_int_t b0, b1;
        int dbits;
        size_t k;

        if (strcmp(key, "__metadata__") == 0)
        {
            const char * mk;
            json_t * mv;

            if (!json_is_object(v))
            {
                st = lc_err_set(err, LC_E_PARSE, "%s: __metadata__ must be an object mapping "
                                "names to strings", F->path);
                break;
            }
            json_object_foreach(v, mk, mv)
                if (!json_is_string(mv))
                {
                    st = lc_err_set(err, LC_E_PARSE, "%s: __metadata__ entry %s is not a string",
                                    F->path, _lc_st_qname(q1, mk));
                    break;
                }
            if (st != LC_OK)
                break;
            continue;
        }
        if (!json_is_object(v) || !json_is_string(dt = json_object_get(v, "dtype"))
            || !json_is_array(shape = json_object_get(v, "shape"))
            || !json_is_array(offs = json_object_get(v, "data_offsets"))
            || json_array_size(offs) != 2 || !json_is_integer(json_array_get(offs, 0))
            || !json_is_integer(json_array_get(offs, 1)))
        {
            st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s: the header entry needs dtype, shape "
                            "and data_offsets [begin, end]", F->path, _lc_st_qname(q1, key));
            break;
        }
        if ((dbits = dtype_bits(json_string_value(dt))) == 0)
        {
            st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s has dtype %s, which the safetensors "
                            "format does not define", F->path, _lc_st_qname(q1, key),
                            _lc_st_qname(q2, json_string_value(dt)));
            break;
        }
        for (k = 0; k < json_array_size(shape); k++)
        {
            json_t * d = json_array_get(shape, k);

            if (!json_is_integer(d) || json_integer_value(d) < 0)
            {
                st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s: shape entries must be "
                                "non-negative integers", F->path, _lc_st_qname(q1, key));
                break;
            }
            /* every product stays below 2^62: more values than that need
               more bytes than any file has (checked against the data size
               below) */
            if (numel != 0 && (uint64_t) json_integer_value(d) > (UINT64_C(1) << 62) / numel)
                numel = UINT64_C(1) << 62;
            else
                numel *= (uint64_t) json_integer_value(d);
        }
        if (st != LC_OK)
            break;
        bits = numel >= (UINT64_C(1) << 62) / 64 ? UINT64_MAX : numel * (uint64_t) dbits;
        if (bits != UINT64_MAX && bits % 8 != 0)
        {
            st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s: %llu values of %d bits are not a "
                            "whole number of bytes", F->path, _lc_st_qname(q1, key),
                            (unsigned long long) numel, dbits);
            break;
        }
        nbytes = bits == UINT64_MAX ? UINT64_MAX : bits / 8;
        b0 = json_integer_value(json_array_get(offs, 0));
        b1 = json_integer_value(json_array_get(offs, 1));
        if (b0 < 0 || b1 < b0)
        {
            st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s: data_offsets [%lld, %lld] are not "
                            "a range 0 <= begin <= end", F->path, _lc_st_qname(q1, key),
                            (long long) b0, (long long) b1);
            break;
        }
        if ((uint64_t) b1 > F->data_size)
        {
            st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s: data_offsets [%lld, %lld] reach "
                            "beyond the data buffer, which has %llu bytes (truncated file?)",
                            F->path, _lc_st_qname(q1, key), (long long) b0, (long long) b1,
                            (unsigned long long) F->data_size);
            break;
        }
        if ((uint64_t) (b1 - b0) != nbytes)
        {
            if (nbytes == UINT64_MAX)
                st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s: its shape has more values than "
                                "the file could hold", F->path, _lc_st_qname(q1, key));
            else
                st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s: data_offsets [%lld, %lld] hold "
                                "%llu bytes, but its shape and dtype (%llu values of %s) need "
                                "%llu", F->path, _lc_st_qname(q1, key), (long long) b0, (long long) b1,
                                (unsigned long long) (b1 - b0), (unsigned long long) numel,
                                json_string_value(dt), (unsigned long long) nbytes);
            break;
        }
        sp[n].b0 = (uint64_t) b0;
        sp[n].b1 = (uint64_t) b1;
        sp[n].name = key;
        n++;
    }
    if (st == LC_OK)
    {
        /* The tiling (safetensors' Metadata::validate): sorted by offset,
           each tensor starts where the previous one ended. */
        qsort(sp, n, sizeof(st_span), span_cmp);
        for (i = 0, at = 0; i < n && st == LC_OK; i++)
        {
            if (sp[i].b0 < at)
                st = lc_err_set(err, LC_E_PARSE, "%s: tensors %s [%llu, %llu] and %s [%llu, %llu] "
                                "overlap", F->path, _lc_st_qname(q1, sp[i - 1].name),
                                (unsigned long long) sp[i - 1].b0, (unsigned long long) sp[i - 1].b1,
                                _lc_st_qname(q2, sp[i].name), (unsigned long long) sp[i].b0,
                                (unsigned long long) sp[i].b1);
            else if (sp[i].b0 > at && i == 0)
                st = lc_err_set(err, LC_E_PARSE, "%s: bytes 0 to %llu of the data buffer belong "
                                "to no tensor (the first, %s, starts at %llu); the format allows "
                                "no holes", F->path, (unsigned long long) sp[i].b0,
                                _lc_st_qname(q1, sp[i].name), (unsigned long long) sp[i].b0);
            else if (sp[i].b0 > at)
                st = lc_err_set(err, LC_E_PARSE, "%s: bytes %llu to %llu of the data buffer belong "
                                "to no tensor (a hole between %s and %s); the format allows no "
                                "holes", F->path, (unsigned long long) at,
                                (unsigned long long) sp[i].b0, _lc_st_qname(q1, sp[i - 1].name),
                                _lc_st_qname(q2, sp[i].name));
            at = sp[i].b1;
        }
        if (st == LC_OK && at != F->data_size)
            st = lc_err_set(err, LC_E_PARSE, "%s: the last %llu bytes of the data buffer (of %llu) "
                            "belong to no tensor; the format allows no unused bytes", F->path,
                            (unsigned long long) (F->data_size - at),
                            (unsigned long long) F->data_size);
    }
    flint_free(sp);
    return st;
}

/* What a JSON error is, in words of our own: jansson's text quotes the
   input ("invalid token near 'root:x:0'"), which must not reach a message. */
static const char *
json_problem(const json_error_t * jerr)
{
#if JANSSON_VERSION_HEX >= 0x020b00
    switch (json_error_code(jerr))
    {
        case json_error_out_of_memory: return "out of memory";
        case json_error_stack_overflow: return "nested too deeply";
        case json_error_cannot_open_file: return "cannot be read";
        case json_error_invalid_argument: return "cannot be parsed";
        case json_error_invalid_utf8: return "invalid UTF-8";
        case json_error_premature_end_of_input: return "it ends too early";
        case json_error_end_of_input_expected: return "text after the object";
        case json_error_invalid_syntax: return "invalid syntax";
        case json_error_invalid_format: return "invalid format";
        case json_error_wrong_type: return "a value of the wrong type";
        case json_error_null_character: return "a NUL character";
        case json_error_null_value: return "a null value";
        case json_error_null_byte_in_key: return "a NUL byte in a key";
        case json_error_duplicate_key: return "a duplicate key";
        case json_error_numeric_overflow: return "a number too large";
        case json_error_item_not_found: return "a missing item";
        case json_error_index_out_of_range: return "an index out of range";
        default: return "invalid JSON";
    }
#else
    (void) jerr;
    return "invalid JSON";
#endif
}

int
_lc_st_read_header(lc_st_file * F, lc_err_t err)
{
    unsigned char len8[8];
    uint64_t hlen = 0, i, size = F->size;
    char * hbuf;
    json_error_t jerr;
    int st;

    if (size < 8)
        return lc_err_set(err, LC_E_PARSE, "%s: truncated or not a safetensors file: %llu bytes, "
                          "fewer than the 8 of the header length", F->path,
                          (unsigned long long) size);
    if (F->mem != NULL)
        memcpy(len8, F->mem, 8);
    else if (fread(len8, 1, 8, F->f) != 8)
        return lc_err_set(err, LC_E_IO, "%s: cannot read the header length", F->path);
    for (i = 0; i < 8; i++)
        hlen |= (uint64_t) len8[i] << (8 * i);
    if (hlen > size - 8)
        return lc_err_set(err, LC_E_PARSE, "%s: not a safetensors file, or truncated: the header "
                          "length in its first 8 bytes exceeds the %llu bytes that follow them",
                          F->path, (unsigned long long) (size - 8));
    if (hlen > LC_ST_MAX_HEADER)
        return lc_err_set(err, LC_E_LIMIT, "%s: the header of %llu bytes is longer than the "
                          "format's limit of %d", F->path, (unsigned long long) hlen,
                          LC_ST_MAX_HEADER);
    if ((LC_ST_JSON_FACTOR + 1) * hlen > (uint64_t) F->max_bytes)
        return lc_err_set(err, LC_E_LIMIT, "%s: parsing the header of %llu bytes may need %llu "
                          "bytes, more than the limit of %llu bytes", F->path,
                          (unsigned long long) hlen,
                          (unsigned long long) ((LC_ST_JSON_FACTOR + 1) * hlen),
                          (unsigned long long) F->max_bytes);
    F->hlen = hlen;
    F->data_start = 8 + hlen;
    F->data_size = size - 8 - hlen;
    hbuf = flint_malloc(hlen + 1);
    if (F->mem != NULL)
        memcpy(hbuf, F->mem + 8, hlen);
    else if (fread(hbuf, 1, (size_t) hlen, F->f) != (size_t) hlen)
    {
        flint_free(hbuf);
        return lc_err_set(err, LC_E_IO, "%s: cannot read the header", F->path);
    }
    if (hlen == 0 || hbuf[0] != '{')
    {
        flint_free(hbuf);
        return lc_err_set(err, LC_E_PARSE, "%s: not a safetensors file: the header does not "
                          "start with '{'", F->path);
    }
    /* The object, then only the padding the format allows (spaces). */
    F->hdr = json_loadb(hbuf, (size_t) hlen, JSON_REJECT_DUPLICATES | JSON_DISABLE_EOF_CHECK,
                        &jerr);
    if (F->hdr != NULL)
        for (i = (uint64_t) jerr.position; i < hlen; i++)
            if (hbuf[i] != ' ')
            {
                flint_free(hbuf);
                json_decref(F->hdr);
                F->hdr = NULL;
                return lc_err_set(err, LC_E_PARSE, "%s: the header has bytes other than spaces "
                                  "after its JSON object (at byte %llu of %llu)", F->path,
                                  (unsigned long long) i, (unsigned long long) hlen);
            }
    flint_free(hbuf);
    if (F->hdr == NULL)
        return lc_err_set(err, LC_E_PARSE, "%s: the header is not valid JSON: %s at byte %d "
                          "(line %d, column %d)", F->path, json_problem(&jerr), jerr.position,
                          jerr.line, jerr.column);
    if (!json_is_object(F->hdr))
        st = lc_err_set(err, LC_E_PARSE, "%s: the header is not a JSON object", F->path);
    else
        st = validate_header(F, err);
    if (st != LC_OK)
    {
        json_decref(F->hdr);
        F->hdr = NULL;
    }
    return st;
}

static const char *
file_kind(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device"
        : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

int
_lc_st_open_path(lc_st_file * F, const char * path, size_t max_bytes, lc_err_t err)
{
    struct stat sb;
    int fd, st;

    memset(F, 0, sizeof *F);
    F->path = path;
    F->prefix = "";
    F->max_bytes = max_bytes;
    /* Regular files only, and nothing that could block: a FIFO or a device
       is refused by its kind before it is opened; the open itself does not
       wait (O_NONBLOCK), and fstat confirms what was opened. */
    if (stat(path, &sb) != 0)
        return lc_err_set(err, LC_E_IO, "cannot open %s: %s", path, strerror(errno));
    if (!S_ISREG(sb.st_mode))
        return lc_err_set(err, LC_E_IO, "%s is %s; a safetensors file must be a regular file",
                          path, file_kind(sb.st_mode));
    if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
        return lc_err_set(err, LC_E_IO, "cannot open %s: %s", path, strerror(errno));
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 0)
    {
        close(fd);
        return lc_err_set(err, LC_E_IO, "%s is %s; a safetensors file must be a regular file",
                          path, file_kind(sb.st_mode));
    }
    if ((F->f = fdopen(fd, "rb")) == NULL)
    {
        st = lc_err_set(err, LC_E_IO, "cannot open %s: %s", path, strerror(errno));
        close(fd);
        return st;
    }
    F->size = (uint64_t) sb.st_size;
    return LC_OK;
}

void
_lc_st_open_mem(lc_st_file * F, const void * data, size_t size, const char * name,
                size_t max_bytes)
{
    static const unsigned char empty[1] = { 0 };

    memset(F, 0, sizeof *F);
    F->path = name;
    F->prefix = "";
    F->max_bytes = max_bytes;
    F->mem = data != NULL ? data : empty;
    F->size = data != NULL ? (uint64_t) size : 0;
}

void
_lc_st_close(lc_st_file * F)
{
    json_decref(F->hdr);
    F->hdr = NULL;
    if (F->f != NULL)
        fclose(F->f);
    F->f = NULL;
}
