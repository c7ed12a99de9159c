# edge cases for the highlighter: prefixes, triple quotes, numbers, decorators
@decorator
@pkg.mod.deco(1)
def f(x: int = 0x1F, *args, **kw) -> float:
    """Docstring with 'quotes' and "doubles"
    spanning lines."""
    a = 1_000 + 3.14 + .5 + 1e-4 + 2E+10 + 3j + 0b1010 + 0o17 + 1. + 1.5e3j
    b = r"raw\n" + b'bytes' + Rb"x" + f"{a!r:>10}" + u'u' + rf'{a}\d' + BR'\''
    c = 'it\'s' + "say \"hi\"" + '' + """""" + ''''''
    if a is not None and b or not c:
        return lambda y: y @ a  # matmul
    s = '''triple
single'''
    total = 1 + \
        2
    return True
class Ünïcode:
    café = "naïve"  # ünïcode comment
match = 3
x = [i for i in range(10) if i % 2 == 0]
y = {'k': (1, 2)}; z = x[1:2]; w = x[::-1]
print(f"{x[0]:,} {'nested'}", end="")
async def g():
    await g()
    while False: pass
    try:
        del y
    except (KeyError, ValueError) as error:
        raise RuntimeError("x") from error
    finally:
        yield from range(3)
