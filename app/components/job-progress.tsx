import "~/i18n/area/jobs.client";
import { useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import { formatCount } from "~/components/results/figures";
import { useLocale, useT } from "~/i18n/use-t";

interface Progress {
  read: number;
  checked: number;
  written: number;
}

const POLL_MS = 500;
/** Without JavaScript the page reloads itself this often. */
const REFRESH_SECONDS = 2;

/**
 * A running import's progress. With JavaScript it polls /jobs/:id and, once the job has finished,
 * opens `?job=<id>`, whose loader shows the outcome; without, the page refreshes itself.
 */
export function JobProgress({ jobId, initial }: { jobId: string; initial: Progress }) {
  const t = useT().jobs;
  const locale = useLocale();
  const [progress, setProgress] = useState(initial);
  const navigate = useNavigate();
  // The page's loader reports a finished job (or redirects to its outcome).
  const showOutcome = () => navigate(`?job=${encodeURIComponent(jobId)}`, { replace: true });
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/jobs/${encodeURIComponent(jobId)}`, { headers: { Accept: "application/json" } });
      if (stopped) return;
      if (!response.ok) {
        stopped = true;
        showOutcome();
        return;
      }
      const state = (await response.json()) as { status: string; progress: Progress };
      setProgress(state.progress);
      if (state.status !== "running") {
        stopped = true;
        showOutcome();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // Polling depends on the job only (navigate's identity may change with the location).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);
  return (
    <section className="job-progress" aria-labelledby="job-progress-title">
      <noscript>
        <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
      </noscript>
      <h2 id="job-progress-title">{t.running}</h2>
      <progress aria-label={t.progressLabel} max={Math.max(progress.read, 1)} value={progress.written} />
      <dl className="job-progress-counts">
        <div>
          <dt>{t.read}</dt>
          <dd data-testid="rows-read">{formatCount(progress.read, locale)}</dd>
        </div>
        <div>
          <dt>{t.checked}</dt>
          <dd data-testid="rows-checked">{formatCount(progress.checked, locale)}</dd>
        </div>
        <div>
          <dt>{t.written}</dt>
          <dd data-testid="rows-written">{formatCount(progress.written, locale)}</dd>
        </div>
      </dl>
      <p>{t.keepsGoing}</p>
    </section>
  );
}
