#include "CX86Features.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

int cx86_has_x86_64_v4(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl");
}

int cx86_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

__attribute__((target("avx512f")))
double cx86_rcp14(double x) {
    return _mm512_cvtsd_f64(_mm512_rcp14_pd(_mm512_set1_pd(x)));
}
#else
int cx86_has_x86_64_v4(void) { return 0; }
int cx86_has_avx2_fma(void) { return 0; }
double cx86_rcp14(double x) { return 1.0 / x; }
#endif
