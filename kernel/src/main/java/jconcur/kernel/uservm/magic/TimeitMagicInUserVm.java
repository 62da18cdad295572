package jconcur.kernel.uservm.magic;

/**
 * Runs in the user VM for %timeit and %%timeit, as IPython's timeit: with loops 0 it picks 1, 10, 100, ...
 * loops until one run takes at least 0.2 s, then times repeat runs of that many loops.
 */
public final class TimeitMagicInUserVm {

    private static final double CALIBRATION_SECONDS = 0.2;

    /** Keeps values of timed expressions alive so that the JIT cannot drop their computation. */
    private static volatile Object sink;

    private TimeitMagicInUserVm() {}

    public static void run(int loops, int repeat, int precision, boolean quiet, TimeMagicInUserVm.Body body) throws Throwable {
        measure(loops, repeat, precision, quiet, body);
    }

    public static void run(int loops, int repeat, int precision, boolean quiet, TimeMagicInUserVm.ValueBody<?> body)
            throws Throwable {
        measure(loops, repeat, precision, quiet, () -> sink = body.get());
    }

    /** %timeit -o: also returns the result as the cell's value. */
    public static TimeitResult result(int loops, int repeat, int precision, boolean quiet, TimeMagicInUserVm.Body body)
            throws Throwable {
        return measure(loops, repeat, precision, quiet, body);
    }

    public static TimeitResult result(int loops, int repeat, int precision, boolean quiet,
                                      TimeMagicInUserVm.ValueBody<?> body) throws Throwable {
        return measure(loops, repeat, precision, quiet, () -> sink = body.get());
    }

    private static TimeitResult measure(int loops, int repeat, int precision, boolean quiet, TimeMagicInUserVm.Body body)
            throws Throwable {
        int number = loops;
        if (number == 0) {
            for (int index = 0; index < 10; index++) {
                number = (int) Math.pow(10, index);
                if (runOnce(number, body) >= CALIBRATION_SECONDS) {
                    break;
                }
            }
        }
        double[] runs = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            runs[r] = runOnce(number, body);
        }
        TimeitResult result = TimeitResult.of(number, runs, precision);
        if (!quiet) {
            String warning = result.cachingWarning();
            if (warning != null) {
                System.out.println(warning);
            }
            System.out.println(result);
            System.out.flush();
        }
        return result;
    }

    private static double runOnce(int number, TimeMagicInUserVm.Body body) throws Throwable {
        long start = System.nanoTime();
        for (int i = 0; i < number; i++) {
            body.run();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
