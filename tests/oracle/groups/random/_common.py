"""Helpers shared by the random case files (the leading underscore keeps generate.py away).

FNV-1a (64-bit) over an array's little-endian bytes lets a case pin a long stream without
storing it: the Rust tests hash their own output the same way.
"""

SETUP = '''
import os
def fnv(a):
    a = np.ascontiguousarray(a)
    if a.dtype.byteorder == '>':
        a = a.byteswap().view(a.dtype.newbyteorder('<'))
    h = 0xcbf29ce484222325
    for b in a.tobytes():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
def words128(x):
    return (x >> 64, x & 0xFFFFFFFFFFFFFFFF)
def testset(name, i):
    path = os.path.join(os.path.dirname(np.random.__file__), 'tests', 'data', f'{name}-testset-{i}.csv')
    with open(path) as f:
        lines = f.read().strip().splitlines()
    seed = int(lines[0].split(',')[1], 16)
    vals = np.array([int(l.split(',')[1], 16) for l in lines[1:]], dtype=np.uint64)
    return seed, vals
'''


def case(g, name, expr, setup="", **kw):
    """`g.case`, with the shared helpers in scope when the code uses them."""
    code = expr + setup
    if any(h in code for h in ("fnv(", "words128(", "testset(")):
        setup = SETUP + setup
    g.case(name, expr, setup=setup, **kw)
