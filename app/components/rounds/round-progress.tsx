import "~/i18n/area/rounds.client";
import { type RoundProgress, progressParts } from "~/domain/rounds";
import { useT } from "~/i18n/use-t";

/** "2 of 3 sent; none yet to your supervisor." */
export function RoundProgressText({ progress }: { progress: RoundProgress }) {
  const p = useT().rounds.progress;
  const words = progressParts(progress).map((part) =>
    part.kind === "sent" ? p.sent(part.sent, part.expected) : part.done ? p.supervisorDone : p.supervisorPending,
  );
  return <p className={progress.complete ? "round-progress round-progress-complete" : "round-progress"}>{p.sentence(words)}</p>;
}
