package org.outreachcrm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU time spent during a measurement by the application, by the load generator (this JVM
 * and the wrk processes it ran), by a local database server and by the whole machine,
 * read from {@code /proc} (Linux). On a shared machine requests per second depend on what
 * else runs; CPU time per request does not, so the scale benchmark reports both.
 */
final class CpuMeter {

	/** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux build. */
	private static final double TICKS = 100.0;

	private final long application;

	private final long database;

	private final long[] start;

	private final Map<String, Long> startThreads;

	private CpuMeter(long application, long database) {
		this.application = application;
		this.database = database;
		this.start = sample();
		this.startThreads = threadTicks(application);
	}

	/**
	 * Starts measuring; {@code application} is the application's process id, the database
	 * server is found by name (mariadbd or mysqld) when it runs on this machine.
	 */
	static CpuMeter start(long application) {
		long database = ProcessHandle.allProcesses()
			.filter((p) -> p.info().command().map(CpuMeter::isDatabase).orElse(false))
			.mapToLong(ProcessHandle::pid)
			.findFirst()
			.orElse(-1);
		return new CpuMeter(application, database);
	}

	private static boolean isDatabase(String command) {
		String name = Path.of(command).getFileName().toString();
		return name.equals("mariadbd") || name.equals("mysqld");
	}

	/** CPU milliseconds per request since {@link #start}, by process, and machine use. */
	Map<String, Object> perRequest(long requests) {
		long[] end = sample();
		double wall = (end[4] - this.start[4]) / 1e9;
		Map<String, Object> cpu = new LinkedHashMap<>();
		cpu.put("requests", requests);
		put(cpu, "applicationMsPerRequest", (end[0] - this.start[0]) * 1000 / TICKS, requests);
		put(cpu, "loadGeneratorMsPerRequest", (end[1] - this.start[1]) / 1e6, requests);
		if (this.database > 0) {
			put(cpu, "databaseMsPerRequest", (end[2] - this.start[2]) * 1000 / TICKS, requests);
		}
		if (end[3] >= 0 && this.start[3] >= 0 && wall > 0) {
			// busy ticks of all cores over the wall time: 2.0 is both cores saturated
			cpu.put("machineCoresBusy", HttpLoad.round((end[3] - this.start[3]) / TICKS / wall));
		}
		cpu.put("applicationCoresBusy", HttpLoad.round((end[0] - this.start[0]) / TICKS / wall));
		// where the application's CPU went: request threads, JIT compilers, GC...
		Map<String, Long> threads = threadTicks(this.application);
		Map<String, Object> byThreads = new LinkedHashMap<>();
		threads.entrySet()
			.stream()
			.map((e) -> Map.entry(e.getKey(), e.getValue() - this.startThreads.getOrDefault(e.getKey(), 0L)))
			.filter((e) -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((e) -> byThreads.put(e.getKey(),
					requests == 0 ? -1 : Math.round(e.getValue() * 1000 / TICKS / requests * 1000) / 1000.0));
		cpu.put("applicationMsPerRequestByThreads", byThreads);
		return cpu;
	}

	/**
	 * CPU ticks of a process's threads, summed by thread name without digits ("GC
	 * Thread#", "C2 CompilerThre"; Linux keeps 15 characters of a name).
	 */
	private static Map<String, Long> threadTicks(long pid) {
		Map<String, Long> ticks = new TreeMap<>();
		try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				try {
					String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
					processTicks(task.resolve("stat")).ifPresent((t) -> ticks.merge(name, t, Long::sum));
				}
				catch (IOException ex) {
					// the thread ended
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return ticks;
	}

	private static void put(Map<String, Object> cpu, String key, double millis, long requests) {
		cpu.put(key, requests == 0 ? -1 : Math.round(millis / requests * 1000) / 1000.0);
	}

	/** application ticks, own CPU ns, database ticks, machine busy ticks, wall ns. */
	private long[] sample() {
		// this JVM, plus the children it has waited for: a wrk process that has ended
		long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() + childrenTicks() * (long) (1e9 / TICKS);
		return new long[] { processTicks(this.application).orElse(-1L), self,
				this.database > 0 ? processTicks(this.database).orElse(-1L) : -1, machineBusyTicks(),
				System.nanoTime() };
	}

	/** utime + stime of a process, in clock ticks. */
	private static Optional<Long> processTicks(long pid) {
		return processTicks(Path.of("/proc/" + pid + "/stat"));
	}

	private static Optional<Long> processTicks(Path statFile) {
		try {
			String stat = Files.readString(statFile);
			// the command name is in parentheses and may hold spaces: split after it
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** cutime + cstime of this process: CPU of the children it waited for, in ticks. */
	private static long childrenTicks() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static long machineBusyTicks() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			// user nice system idle iowait irq softirq steal
			long busy = 0;
			for (int i = 1; i <= 8 && i < cpu.length; i++) {
				if (i != 4 && i != 5) {
					busy += Long.parseLong(cpu[i]);
				}
			}
			return busy;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
