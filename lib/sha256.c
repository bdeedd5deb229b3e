/* sha256.c -- SHA-256 as FIPS 180-4 defines it (section 6.2), one pass over
 * a buffer in memory: scripts are read whole before they run. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "sha256.h"

static const uint32_t K[64] =
{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
block(uint32_t H[8], const unsigned char * p)
{
    uint32_t W[64], a, b, c, d, e, f, g, h, t1, t2;
    int t;

    for (t = 0; t < 16; t++)
        W[t] = ((uint32_t) p[4 * t] << 24) | ((uint32_t) p[4 * t + 1] << 16)
               | ((uint32_t) p[4 * t + 2] << 8) | (uint32_t) p[4 * t + 3];
    for (t = 16; t < 64; t++)
    {
        uint32_t s0 = ROTR(W[t - 15], 7) ^ ROTR(W[t - 15], 18) ^ (W[t - 15] >> 3);
        uint32_t s1 = ROTR(W[t - 2], 17) ^ ROTR(W[t - 2], 19) ^ (W[t - 2] >> 10);

        W[t] = W[t - 16] + s0 + W[t - 7] + s1;
    }
    a = H[0]; b = H[1]; c = H[2]; d = H[3]; e = H[4]; f = H[5]; g = H[6]; h = H[7];
    for (t = 0; t < 64; t++)
    {
        t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t];
        t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
}

void
lc_sha256(unsigned char digest[32], const void * data, size_t len)
{
    uint32_t H[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    const unsigned char * p = data;
    unsigned char last[128];
    size_t rest, n;
    uint64_t bits = (uint64_t) len * 8;
    int i;

    for (n = len; n >= 64; n -= 64, p += 64)
        block(H, p);
    /* Padding: 0x80, zeros, the length in bits (big-endian), to one or two
       blocks. */
    rest = n;
    memset(last, 0, sizeof(last));
    if (rest > 0)
        memcpy(last, p, rest);
    last[rest] = 0x80;
    n = (rest + 1 + 8 <= 64) ? 64 : 128;
    for (i = 0; i < 8; i++)
        last[n - 1 - i] = (unsigned char) (bits >> (8 * i));
    block(H, last);
    if (n == 128)
        block(H, last + 64);
    for (i = 0; i < 8; i++)
    {
        digest[4 * i] = (unsigned char) (H[i] >> 24);
        digest[4 * i + 1] = (unsigned char) (H[i] >> 16);
        digest[4 * i + 2] = (unsigned char) (H[i] >> 8);
        digest[4 * i + 3] = (unsigned char) H[i];
    }
}

void
lc_sha256_hex(char hex[65], const void * data, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[32];
    int i;

    lc_sha256(d, data, len);
    for (i = 0; i < 32; i++)
    {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
}
