#ifndef CX86FEATURES_H
#define CX86FEATURES_H

/// 1 when the CPU has every feature of NumPy's X86_V4 / AVX512_SKX dispatch target
/// (AVX512F, AVX512CD, AVX512BW, AVX512DQ, AVX512VL), the target whose float64 exp, log and
/// tanh loops call Intel SVML; 0 otherwise and on every other architecture.
int cx86_has_avx512_skx(void);

/// The AVX-512F instruction VRCP14PD applied to one double (lane 0 of a 512-bit vector), for
/// the algorithms that round its approximate reciprocal. Call only when
/// cx86_has_avx512_skx() is 1; elsewhere it returns 1.0 / x.
double cx86_rcp14(double x);

#endif
