#ifndef CX86FEATURES_H
#define CX86FEATURES_H

/// 1 when the CPU has every feature of NumPy's X86_V4 dispatch target (AVX512F, AVX512CD,
/// AVX512BW, AVX512DQ, AVX512VL: the x86-64-v4 level, NumPy 1.x's AVX512_SKX), whose float64
/// exp and log loops call Intel SVML; 0 otherwise and on every other architecture.
int cx86_has_x86_64_v4(void);

/// 1 when the CPU has AVX2 and FMA3, the features NumPy's X86_V3 float64 tanh loop (fused
/// multiply-adds) needs; 0 otherwise and on every other architecture.
int cx86_has_avx2_fma(void);

/// The AVX-512F instruction VRCP14PD applied to one double (lane 0 of a 512-bit vector), for
/// the algorithms that round its approximate reciprocal. Call only when
/// cx86_has_x86_64_v4() is 1; elsewhere it returns 1.0 / x.
double cx86_rcp14(double x);

#endif
