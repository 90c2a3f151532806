import cliProgress from 'cli-progress';

export type ProgressBar = { update: (done: number, total: number) => void; stop: () => void };

/** A terminal progress bar; without a TTY (CI logs) it prints a line every 10% instead. */
export function progressBar(label: string): ProgressBar {
  if (!process.stdout.isTTY) {
    let lastTenth = -1;
    return {
      update(done, total) {
        const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          console.log(`${label}: ${done}/${total} (${tenth * 10}%)`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
