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
		dropBlankSettings();
		String suite = System.getProperty("bench.suite", "import").strip();
		switch (suite) {
			case "", "import" -> ImportBenchmark.main(args);
			case "reports" -> ReportBenchmark.main(args);
			case "scale" -> ScaleBenchmark.main(args);
			default ->
				throw new IllegalArgumentException("Unknown bench.suite " + suite + "; use import, reports or scale");
		}
	}

	/**
	 * The Maven profile passes every suite's {@code -Dbench.*} property, empty when not
	 * given on the command line: remove those, so that each benchmark sees "not set" and
	 * takes its own default instead of each one treating blank as absent.
	 */
	static void dropBlankSettings() {
		for (String name : System.getProperties().stringPropertyNames()) {
			if (name.startsWith("bench.") && System.getProperty(name).isBlank()) {
				System.clearProperty(name);
			}
		}
	}

}
