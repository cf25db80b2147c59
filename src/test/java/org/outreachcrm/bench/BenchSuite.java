package org.outreachcrm.bench;

/**
 * Entry point of the {@code bench} Maven profile: {@code -Dbench.suite=import} (the
 * default) runs {@link ImportBenchmark}, {@code -Dbench.suite=reports} runs
 * {@link ReportBenchmark}, {@code -Dbench.suite=scale} runs {@link ScaleBenchmark}.
 */
public final class BenchSuite {

	private BenchSuite() {
	}

	public static void main(String[] args) throws Exception {
		String suite = System.getProperty("bench.suite", "import").strip();
		switch (suite) {
			case "", "import" -> ImportBenchmark.main(args);
			case "reports" -> ReportBenchmark.main(args);
			case "scale" -> ScaleBenchmark.main(args);
			default ->
				throw new IllegalArgumentException("Unknown bench.suite " + suite + "; use import, reports or scale");
		}
	}

}
