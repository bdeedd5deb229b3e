/* transformer_st.h -- the safetensors container, checked as the format
 * defines it; shared by transformer_st.c and transformer_io.c, not
 * installed.
 *
 * The format (huggingface/safetensors, README "Format"): an 8-byte
 * little-endian header length N, N bytes of UTF-8 JSON that start with '{'
 * and may be padded with spaces, then the data buffer.  The header maps
 * tensor names to {"dtype", "shape", "data_offsets": [begin, end]} (offsets
 * relative to the data buffer) and may hold "__metadata__", a map of strings
 * to strings.  The tensors must index the whole buffer without holes. */
#ifndef LC_TRANSFORMER_ST_H
#define LC_TRANSFORMER_ST_H

#include <stdio.h>
#include <stdint.h>
#include <jansson.h>
#include "transformer.h"

/* The format's limit on the header (safetensors' MAX_HEADER_SIZE). */
#define LC_ST_MAX_HEADER 100000000

/* Bytes jansson may allocate per byte of header, measured on the worst
   shapes of JSON (an array of empty objects, "[{},{},...]", takes 80). */
#define LC_ST_JSON_FACTOR 96

/* Tensor names come from the file: messages quote them escaped, at most
   LC_ST_QNAME characters of them; a buffer for one quoted name. */
#define LC_ST_QNAME 60
#define LC_ST_QBUF (4 * LC_ST_QNAME + 8)

typedef struct
{
    FILE * f;                   /* the file, or NULL when reading from mem */
    const unsigned char * mem;  /* the whole file in memory */
    uint64_t size;              /* of the file */
    const char * path;          /* names the file in messages */
    size_t max_bytes;           /* the memory the header may take once parsed */
    json_t * hdr;               /* the validated header (after _lc_st_read_header) */
    uint64_t hlen, data_start, data_size;
    const char * prefix;        /* the model loader's: layer names' common prefix */
}
lc_st_file;

/* Open path for reading: a regular file only; a directory, FIFO or device is
   refused by its kind, and nothing blocks. */
int _lc_st_open_path(lc_st_file * F, const char * path, size_t max_bytes, lc_err_t err);

/* The same for size bytes at data (NULL: empty), named name in messages. */
void _lc_st_open_mem(lc_st_file * F, const void * data, size_t size, const char * name,
                     size_t max_bytes);

/* Read the header length and the header, parse it and validate it: known
   dtypes, byte sizes equal to shape x dtype, offsets that tile the data
   buffer exactly.  The header's memory is checked against F->max_bytes
   before it is read.  Messages never quote the file's bytes. */
int _lc_st_read_header(lc_st_file * F, lc_err_t err);

/* n bytes at offset off of the data buffer into buf (the validated header
   guarantees they are in the file); 0 on success. */
int _lc_st_read(lc_st_file * F, uint64_t off, unsigned char * buf, size_t n);

/* A := the tensor name of the validated file: 1-D of length r when c = 0
   (a column), else r x c; F64/F32/F16/BF16 read exactly (transformer_io.c). */
int _lc_st_read_tensor(fmpq_mat_t A, lc_st_file * F, const char * name, slong r, slong c,
                       lc_err_t err);

/* Release the header and close the file. */
void _lc_st_close(lc_st_file * F);

/* s as 'quoted' text for a message: \' \\ and \xNN escapes for bytes
   outside printable ASCII; longer than LC_ST_QNAME bytes, the first 20 and
   the last 37 around "...".  buf has LC_ST_QBUF bytes. */
const char * _lc_st_qname(char * buf, const char * s);

#endif
