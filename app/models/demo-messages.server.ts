import type { Kysely } from "kysely";
import { isReservedForTests } from "#db/seed/demo-ward";
import type { Database } from "#db/schema";
import { eraFiscalYear, fiscalYearOf, tokyoDate } from "~/domain/dates";
import { seededRandom } from "~/domain/survey/synthetic";
import type { Actor } from "./audit.server";
import { markRead, relationshipFor, sendMessage, setPinned, thank } from "./messages.server";
import { closeRound, createRound } from "./rounds.server";

/**
 * The demo ward's appreciation: a closed 360° round over the last completed half-year and about
 * three hundred I-messages over the last eight months, so the inbox, the strengths report and the
 * analytics have something to show on first start. Call once, on a freshly seeded demo ward.
 */

const demoActor: Actor = { id: null, label: "demo" };
const DAY = 86_400_000;
const HISTORY_DAYS = 240;
/** The demo account staff sign in with: its inbox and its strengths report must not be empty. */
const DEMO_STAFF_NUMBER = "000100";
/** End-to-end tests use these accounts as they find them: no demo message touches them. */
/** Share of staff who take the round seriously and send the expected three or more. */
const KEEN_SHARE = 0.5;
const OUT_OF_ROUND_MESSAGES = 80;

interface Theme {
  /** Field themes suit the 技能 ladder (collection, roads, parks); office themes the rest. */
  setting: "office" | "field" | "any";
  scenes: readonly string[];
  effects: readonly string[];
  tags: readonly string[];
}

const THEMES: readonly Theme[] = [
  {
    setting: "office",
    scenes: [
      "年度末で窓口が混み合っていた朝、番号札の案内と記入台のサポートを自分から引き受けてくださったとき",
      "転入の手続きで日本語に不慣れなお客様に、やさしい日本語と指さし表で丁寧に説明してくださっていたとき",
      "窓口で強い口調になったお客様のお話を、落ち着いて最後まで聴いてくださったとき",
    ],
    effects: [
      "お客様の待ち時間が短くなり、私も審査の処理に集中できました。",
      "お客様が笑顔で帰られ、係全体の雰囲気も明るくなりました。",
      "その後の説明がスムーズに進み、私も対応の仕方を学ぶことができました。",
    ],
    tags: ["tasukeai", "sonchoushiai", "imagination"],
  },
  {
    setting: "any",
    scenes: [
      "総合防災訓練で、避難所開設の手順を初めての人にも分かるよう図にして配ってくださったとき",
      "夜間の参集訓練で、誰よりも早く到着して受付の準備を整えてくださっていたとき",
      "防災訓練の振り返りで、うまくいかなかった点を率直に共有してくださったとき",
    ],
    effects: [
      "初めて参加した職員も迷わず動けて、訓練が予定より早く終わりました。",
      "次の訓練で直すべき点がはっきりし、マニュアルの改訂につながりました。",
    ],
    tags: ["initiative", "imagination", "drive"],
  },
  {
    setting: "office",
    scenes: [
      "予算要求の締切前日に、資料の数字を一緒に最後まで確認してくださったとき",
      "財政課への説明資料を、要点が一目で分かる1枚にまとめ直してくださったとき",
      "予算査定で聞かれそうな質問を、前もって洗い出してくださったとき",
    ],
    effects: [
      "誤りなく期限内に提出でき、安心して査定に臨めました。",
      "説明が短い時間で伝わり、査定がスムーズに進みました。",
    ],
    tags: ["tasukeai", "drive", "imagination"],
  },
  {
    setting: "any",
    scenes: [
      "配属されたばかりの私に、システムの操作を手順書を作りながら根気よく教えてくださったとき",
      "新人職員に、忙しい時期でも毎朝ひと声かけてくださっていたとき",
      "私の質問に、手順だけでなく理由や背景まで説明してくださったとき",
    ],
    effects: [
      "一人で処理できる業務が増え、係の役に立てていると感じられるようになりました。",
      "分からないことをすぐに聞ける雰囲気ができ、ミスが減りました。",
    ],
    tags: ["sonchoushiai", "ambition", "tasukeai"],
  },
  {
    setting: "office",
    scenes: [
      "住民記録システムが止まったとき、手書きでの受付にすぐ切り替える段取りを組んでくださったとき",
      "電子申請の導入に向けて、各課への説明会を何度も開いてくださったとき",
    ],
    effects: [
      "お客様をお待たせする時間を最小限にでき、窓口の混乱もありませんでした。",
      "紙の申請が減り、係の残業時間が目に見えて少なくなりました。",
    ],
    tags: ["flexibility", "initiative", "drive"],
  },
  {
    setting: "office",
    scenes: [
      "保育園の入園相談で、保護者の不安に寄り添いながら選択肢を一緒に考えてくださっていたとき",
      "高齢の方からの長い電話相談に、最後まで丁寧に付き合ってくださったとき",
      "住民説明会で、反対のご意見にも一つひとつ誠実に答えてくださったとき",
    ],
    effects: [
      "相談に来られた方が安心した表情で帰られ、私も相談対応の大切さを改めて感じました。",
      "説明会の後、地域の方から「話を聞いてもらえた」という声が届きました。",
    ],
    tags: ["sonchoushiai", "imagination"],
  },
  {
    setting: "field",
    scenes: [
      "猛暑の日の収集作業で、班のみんなにこまめな休憩と水分補給を呼びかけてくださったとき",
      "大雨の翌朝、倒木の処理に早朝から駆けつけてくださったとき",
      "道路工事の現場で、近隣の方へのひと声かけを欠かさず続けてくださったとき",
    ],
    effects: [
      "誰も体調を崩さずに作業を終えられ、班の安心感が高まりました。",
      "通学の時間までに道が通れるようになり、苦情もありませんでした。",
      "近隣の方から「いつも丁寧にありがとう」と声をかけていただきました。",
    ],
    tags: ["tasukeai", "initiative", "sonchoushiai"],
  },
  {
    setting: "any",
    scenes: [
      "係会議で、若手が意見を出しやすいように最初に話を振ってくださったとき",
      "繁忙期に「あと少し、一緒に頑張ろう」と声をかけてくださったとき",
      "業務改善のアイデアを楽しそうに試しながら、係に広めてくださったとき",
    ],
    effects: [
      "会議でたくさんの意見が出て、改善案がすぐにまとまりました。",
      "疲れていた係の雰囲気が明るくなり、最後まで前向きに取り組めました。",
    ],
    tags: ["tanoshime", "sonchoushiai", "ambition"],
  },
];

const FEELINGS = [
  "とても心強く感じました。",
  "本当に助かりましたし、うれしかったです。",
  "私も見習いたいと素直に思いました。",
  "安心して自分の仕事に集中できました。",
  "温かい気持ちになりました。",
  "一緒に働けてよかったと感じました。",
  "私も頑張ろうという気持ちになりました。",
];

const FIELD_LEVELS = new Set(["chief_technician", "lead_technician", "senior_technician", "technician"]);

interface DemoStaff {
  id: number;
  employeeNumber: string;
  supervisorNumber: string | null;
  departmentId: number;
  field: boolean;
}

interface PlannedMessage {
  sender: DemoStaff;
  recipient: DemoStaff;
  at: Date;
  inRound: boolean;
}

/** The last half-year (上期 April–September, 下期 October–March) that ended before today. */
function lastCompletedHalf(now: Date): { fiscalYear: number; half: "first" | "second"; startsOn: string; endsOn: string } {
  const [year, month] = tokyoDate(now).split("-").map(Number) as [number, number];
  if (month >= 4 && month <= 9) return { fiscalYear: year - 1, half: "second", startsOn: `${year - 1}-10-01`, endsOn: `${year}-03-31` };
  const fiscalYear = fiscalYearOf(now);
  return { fiscalYear, half: "first", startsOn: `${fiscalYear}-04-01`, endsOn: `${fiscalYear}-09-30` };
}

/** A weekday working-hours moment (Tokyo) between two instants. */
function workingMoment(random: () => number, from: number, to: number): Date {
  const day = new Date(from + random() * (to - from));
  const weekday = new Date(`${tokyoDate(day)}T12:00:00+09:00`).getUTCDay();
  const shifted = new Date(day.getTime() - (weekday === 6 ? 1 : weekday === 0 ? 2 : 0) * DAY);
  const minutes = 9 * 60 + Math.floor(random() * 9 * 60);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const moment = new Date(`${tokyoDate(shifted)}T${time}:00+09:00`);
  return moment.getTime() < from ? new Date(from) : moment;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export async function seedDemoMessages(db: Kysely<Database>, now: Date): Promise<void> {
  const random = seededRandom(20241001);
  const half = lastCompletedHalf(now);
  const roundId = await createRound(
    db,
    {
      titleJa: `${eraFiscalYear(half.fiscalYear)} ${half.half === "first" ? "上期" : "下期"} I・メッセージ`,
      titleEn: `FY${half.fiscalYear} ${half.half === "first" ? "first" : "second"}-half I-messages`,
      startsOn: half.startsOn,
      endsOn: half.endsOn,
      expected: 3,
      requireSupervisor: true,
      departments: "all",
    },
    demoActor,
    new Date(`${half.startsOn}T09:00:00+09:00`),
  );

  const rows = await db
    .selectFrom("staff")
    .select(["id", "employee_number", "supervisor_number", "department_id", "job_level_code"])
    .where("active", "=", 1)
    .orderBy("employee_number")
    .execute();
  const staff: DemoStaff[] = rows
    .filter((row) => !isReservedForTests(row.employee_number))
    .map((row) => ({
      id: row.id,
      employeeNumber: row.employee_number,
      supervisorNumber: row.supervisor_number,
      departmentId: row.department_id,
      field: FIELD_LEVELS.has(row.job_level_code),
    }));
  const byNumber = new Map(staff.map((person) => [person.employeeNumber, person]));
  const demoStaff = byNumber.get(DEMO_STAFF_NUMBER);
  const others = staff.filter((person) => person !== demoStaff);

  const roundFrom = new Date(`${half.startsOn}T00:00:00+09:00`).getTime();
  const roundTo = new Date(`${half.endsOn}T23:59:00+09:00`).getTime();
  const historyFrom = now.getTime() - HISTORY_DAYS * DAY;
  const colleagueOf = (sender: DemoStaff) => {
    const near = others.filter((person) => person !== sender && person.departmentId === sender.departmentId);
    return pick(random, near.length > 0 ? near : others.filter((person) => person !== sender));
  };
  const supervisorOf = (sender: DemoStaff) => (sender.supervisorNumber ? byNumber.get(sender.supervisorNumber) : undefined);

  const planned: PlannedMessage[] = [];
  for (const sender of others) {
    const keen = random() < KEEN_SHARE;
    const count = keen ? 3 + Math.floor(random() * 2) : random() < 0.3 ? 1 : 0;
    for (let i = 0; i < count; i++) {
      // Keen participants mostly honour the round's request for one message to their supervisor.
      const toSupervisor = i === 0 && keen && random() < 0.7 ? supervisorOf(sender) : undefined;
      const recipient = toSupervisor ?? (random() < 0.85 ? colleagueOf(sender) : pick(random, others.filter((p) => p !== sender)));
      planned.push({ sender, recipient, at: workingMoment(random, roundFrom, roundTo), inRound: true });
    }
  }
  for (let i = 0; i < OUT_OF_ROUND_MESSAGES; i++) {
    const sender = pick(random, others);
    let at = workingMoment(random, historyFrom, now.getTime());
    if (at.getTime() >= roundFrom && at.getTime() <= roundTo) at = workingMoment(random, Math.max(roundTo, historyFrom), now.getTime());
    planned.push({ sender, recipient: colleagueOf(sender), at, inRound: false });
  }
  if (demoStaff) {
    // The demo account: six received (four in the round), two sent in the round, none to its supervisor yet.
    for (let i = 0; i < 4; i++) planned.push({ sender: colleagueOf(demoStaff), recipient: demoStaff, at: workingMoment(random, roundFrom, roundTo), inRound: true });
    for (let i = 0; i < 2; i++) {
      planned.push({ sender: colleagueOf(demoStaff), recipient: demoStaff, at: workingMoment(random, now.getTime() - 10 * DAY, now.getTime()), inRound: false });
    }
    const sentTo = others.filter((person) => person.departmentId === demoStaff.departmentId && person.employeeNumber !== demoStaff.supervisorNumber);
    for (let i = 0; i < 2; i++) planned.push({ sender: demoStaff, recipient: pick(random, sentTo), at: workingMoment(random, roundFrom, roundTo), inRound: true });
  }

  // In time order, as people would have sent them, so the daily sending limit sees a true history.
  planned.sort((a, b) => a.at.getTime() - b.at.getTime());
  const tagIds = new Map(
    (await db.selectFrom("value_tags").select(["id", "code"]).where("active", "=", 1).execute()).map((tag) => [tag.code, tag.id]),
  );
  await db.transaction().execute(async (trx) => {
    let pinnedForDemo = false;
    for (const message of planned) {
      const themes = THEMES.filter((theme) => theme.setting === "any" || (theme.setting === "field") === message.sender.field);
      const theme = pick(random, themes);
      const tags = [...new Set([pick(random, theme.tags), ...(random() < 0.4 ? [pick(random, theme.tags)] : [])])];
      const relationship = (await relationshipFor(trx, message.sender.id, message.recipient.id)) ?? "other";
      const { id } = await sendMessage(
        trx,
        {
          senderId: message.sender.id,
          recipientId: message.recipient.id,
          relationship,
          scene: pick(random, theme.scenes),
          feeling: pick(random, FEELINGS),
          effect: pick(random, theme.effects),
          tagIds: tags.flatMap((code) => tagIds.get(code) ?? []),
          roundId: message.inRound ? roundId : null,
        },
        message.at,
      );

      // Older messages have mostly been read; some were thanked and a few pinned.
      const age = now.getTime() - message.at.getTime();
      if (age < 3 * DAY || random() > 0.85) continue;
      const readAt = new Date(Math.min(now.getTime(), message.at.getTime() + (1 + random() * 47) * 3_600_000));
      await markRead(trx, message.recipient.id, id, readAt);
      if (random() < 0.45) await thank(trx, message.recipient.id, id, new Date(readAt.getTime() + 5 * 60_000));
      // The demo account pins exactly one, so its strengths page shows what pinning does.
      const pin: boolean = message.recipient === demoStaff ? !pinnedForDemo : random() < 0.08;
      if (pin) await setPinned(trx, message.recipient.id, id, true);
      if (message.recipient === demoStaff) pinnedForDemo ||= pin;
    }
  });
  await closeRound(db, roundId, demoActor, new Date(`${half.endsOn}T18:00:00+09:00`));
}
