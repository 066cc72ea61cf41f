#!/usr/bin/env python3
"""CPU seconds of each thread of a command, in the order the threads were created, read from
/proc/PID/task/*/stat every 0.1 s while it runs (Linux only; a thread's last 0.1 s may be missed).
Shows which thread bounds a run, whatever else loads the machine.

  bench/thread_cpu.py COMMAND [ARGS...]
"""
import os
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ticks = os.sysconf("SC_CLK_TCK")
    started = time.time()
    process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cpu_by_thread = {}
    while process.poll() is None:
        try:
            threads = os.listdir(f"/proc/{process.pid}/task")
        except OSError:
            threads = []
        for thread in threads:
            try:
                with open(f"/proc/{process.pid}/task/{thread}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            cpu_by_thread[int(thread)] = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        time.sleep(0.1)
    wall = time.time() - started
    cpus = [cpu_by_thread[thread] for thread in sorted(cpu_by_thread)]
    print(f"exit {process.returncode}, wall {wall:.1f} s, CPU s per thread: " +
          " ".join(f"{cpu:.1f}" for cpu in cpus) + f", total {sum(cpus):.1f} s")


if __name__ == "__main__":
    main()
