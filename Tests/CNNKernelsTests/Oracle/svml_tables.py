#!/usr/bin/env python3
"""The SVML tables NumPy's float64 exp, log and tanh use, read from NumPy's own binary.

Usage: python3 svml_tables.py. Prints JSON: for each table the Swift port keeps (SVMLExp,
SVMLLog, SVMLLog2, SVMLLog10, SVMLTanh in Sources/CNNKernels), its float64 values as unsigned 64-bit bit patterns,
read at the symbol's offset from the ELF symbol table of numpy/_core/_multiarray_umath*.so
(the symbols of numpy/SVML's linux/avx512/svml_z0_{exp,log,log2,log10}_d_ha.s and
svml_z0_tanh_d_la.s).
Exits non-zero when the module is not an ELF file with those symbols.
"""
import json
import struct
import sys

import numpy._core._multiarray_umath as umath


def symbols(data):
    """{name: (file offset, size)} for every symbol in the ELF file's .symtab."""
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    found = {}
    for _, kind, _, _, offset, size, link, _, _, entsize in sections:
        if kind != 2:  # SHT_SYMTAB
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, entsize):
            name, _, _, shndx, value, length = struct.unpack_from("<IBBHQQ", data, pos)
            if shndx == 0 or shndx >= shnum:
                continue
            end = data.index(b"\0", strtab + name)
            section = sections[shndx]
            found[data[strtab + name:end].decode()] = (section[4] + value - section[3], length)
    return found


def main():
    data = open(umath.__file__, "rb").read()
    if data[:4] != b"\x7fELF":
        sys.exit(f"{umath.__file__} is not an ELF file")
    table = symbols(data)

    def read(symbol, offset, count):
        if symbol not in table:
            sys.exit(f"{symbol} not found in {umath.__file__}")
        start = table[symbol][0] + offset
        return list(struct.unpack_from(f"<{count}Q", data, start))

    exp = "__svml_dexp_ha_data_internal_avx512"
    log = "__svml_dlog_ha_data_internal_avx512"
    log2 = "__svml_dlog2_ha_data_internal_avx512"
    log10 = "__svml_dlog10_ha_data_internal_avx512"
    tanh = "__svml_dtanh_data_internal"
    one = lambda symbol, offset: read(symbol, offset, 1)[0]
    out = {
        "exp.th": read(exp, 0x0, 16),
        "exp.tlr": read(exp, 0x80, 16),
        # log2e, shifter, ln2 high, ln2 low, c1 ... c6, callout threshold
        "exp.constants": [one(exp, o) for o in (0x100, 0x140, 0x180, 0x1C0, 0x380, 0x340, 0x300, 0x2C0, 0x280, 0x240, 0x400)],
        "exp.rare": read("_imldExpHATab", 0x0, 128),
        "log.high": read(log, 0x0, 16),
        "log.low": read(log, 0x80, 16),
        # ln2 high, ln2 low, a2 ... a9
        "log.constants": [one(log, o) for o in (0x380, 0x3C0, 0x180, 0x1C0, 0x200, 0x240, 0x280, 0x2C0, 0x300, 0x340)],
        "log2.high": read(log2, 0x0, 16),
        "log2.low": read(log2, 0x80, 16),
        # a2 ... a11, log2(e)
        "log2.constants": [one(log2, o) for o in range(0x180, 0x440, 0x40)],
        "log10.high": read(log10, 0x0, 16),
        "log10.low": read(log10, 0x80, 16),
        # a2 ... a9, a0, log10(e), log10(2) high, log10(2) low
        "log10.constants": [one(log10, o) for o in range(0x180, 0x480, 0x40)],
        "tanh.start": read(tanh, 0x0, 16),
        # the polynomial's coefficient tables, highest degree first
        "tanh.coefficients": [v for o in (0x900, 0x880, 0x800, 0x780, 0x700, 0x680, 0x600, 0x580, 0x500,
                                          0x480, 0x400, 0x380, 0x300, 0x280, 0x200, 0x180, 0x80)
                              for v in read(tanh, o, 16)],
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
