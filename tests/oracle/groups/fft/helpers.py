"""fftfreq, rfftfreq, fftshift and ifftshift: exact results."""


def generate(g):
    for n in (1, 2, 3, 4, 5, 8, 9, 10, 17):
        for d in (1.0, 0.1, 2.5, -0.3):
            g.case(f"fftfreq_{n}_{d}", f"np.fft.fftfreq({n}, {d})")
            g.case(f"rfftfreq_{n}_{d}", f"np.fft.rfftfreq({n}, {d})")
    for n in (1, 4, 5):
        g.case(f"fftshift_{n}", f"np.fft.fftshift(np.arange({n}))")
        g.case(f"ifftshift_{n}", f"np.fft.ifftshift(np.arange({n}))")
    a = "a = np.arange(35.0).reshape(5, 7)"
    for name, axes in (("none", "None"), ("0", "(0,)"), ("1_0", "(1, 0)"), ("neg", "(-1,)"), ("rep", "(1, 1)")):
        g.case(f"fftshift_2d_{name}", f"np.fft.fftshift(a, axes={axes})", setup=a)
        g.case(f"ifftshift_2d_{name}", f"np.fft.ifftshift(a, axes={axes})", setup=a)
    g.case("fftshift_complex", "np.fft.fftshift(np.arange(6) + 1j * np.arange(6)[::-1])")
