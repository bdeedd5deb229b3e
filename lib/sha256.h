/* sha256.h -- SHA-256 (FIPS 180-4), for the provenance of reports: the
 * digest of the script a report was made from. */
#ifndef LC_SHA256_H
#define LC_SHA256_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The 32-byte digest of the len bytes at data. */
void lc_sha256(unsigned char digest[32], const void * data, size_t len);

/* The digest as 64 lower-case hexadecimal digits and a NUL. */
void lc_sha256_hex(char hex[65], const void * data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
