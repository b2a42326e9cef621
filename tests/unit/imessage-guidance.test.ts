import { describe, expect, it } from "vitest";
import { type HintCode, type MessageParts, guidanceFor } from "~/domain/imessage-guidance";

/** Long enough, specific text for the parts a row does not test. */
const concrete: MessageParts = {
  scene: "システム障害の日に窓口の応対を代わってくれた",
  feeling: "とても心強く、安心して作業に集中できました",
  effect: "区民の方を待たせずに報告書も期限内に出せました",
};

function codesFor(text: string): HintCode[] {
  return guidanceFor({ ...concrete, feeling: text })
    .filter((hint) => hint.part === "feeling")
    .map((hint) => hint.code);
}

describe("guidanceFor: the example table", () => {
  it.each<[string, HintCode[]]>([
    // Japanese: you-messages and orders
    ["あなたはもっと周りに相談するべきです。", ["you_message"]],
    ["君は少し頑張りすぎだと思うので心配しています", ["you_message"]],
    ["会議の資料は前日までに共有するべきだと感じました", ["you_message"]],
    ["次からは早めに報告しなさい。資料はよくできていました", ["order"]],
    ["次回も同じように窓口の応対をしてください。", ["order"]],
    ["この調子で引き続き丁寧に進めてくださいね", ["order"]],
    ["手順書どおりにしなければいけないと改めて思いました", ["order"]],
    // Japanese: hidden criticism
    ["資料はわかりやすかったけど、説明が長かったです", ["hidden_criticism"]],
    ["丁寧な応対でした。でも、もう少し早いと助かります", ["hidden_criticism"]],
    ["対応はよかったです。ただ、記録が残っていませんでした", ["hidden_criticism"]],
    ["もっと早く声をかけてほしいと思いました", ["hidden_criticism"]],
    ["最初から言ってくれればよかったのに。", ["hidden_criticism"]],
    // Japanese: too short or generic
    ["ありがとう", ["generic"]],
    ["いつもありがとうございます！", ["generic"]],
    ["お疲れ様です。", ["generic"]],
    ["うれしい気持ち", ["too_short"]],
    // Japanese: gratitude that must not be flagged
    ["助けてくれてありがとう。本当に心強かったです", []],
    ["忙しい中で資料を確認してくださって、とても安心しました", []],
    ["丁寧に教えてくださり、自信を持って説明できるようになりました", []],
    ["ご指導くださいましたおかげで、落ち着いて応対できました", []],
    ["忙しいのに、快く引き受けてくれて本当にうれしかったです", []],
    ["誰でもわかる資料で、少しでも早く説明できてうれしかった", []],
    ["遅くまで残ってくれて、ごめんなさいという気持ちと感謝の気持ちです", []],
    ["私ももっと頑張ろうと前向きな気持ちになりました", []],
    // English
    ["You should speak up more in meetings, I think.", ["you_message"]],
    ["I think you need to rest more often after busy days.", ["you_message"]],
    ["You are always too quick to take on extra work.", ["you_message"]],
    ["Thanks for the report. Make sure it is on time next week.", ["order"]],
    ["The slides were clear, but the talk ran long.", ["hidden_criticism"]],
    ["Nice work, however the summary could have been better.", ["hidden_criticism"]],
    ["Thanks!", ["generic"]],
    ["Good job.", ["generic"]],
    ["I was glad", ["too_short"]],
    ["I felt relieved and could finish the report calmly.", []],
    ["Thank you for covering the counter during the outage; I felt supported.", []],
    ["Butterflies in my stomach disappeared once you explained the new system.", []],
  ])("%s → %j", (text, expected) => {
    expect(codesFor(text)).toEqual(expected);
  });
});

describe("guidanceFor: what a hint says", () => {
  it("names the part and the phrase it matched, without leading punctuation", () => {
    const hints = guidanceFor({ ...concrete, effect: "資料は完璧でした。でも、少し遅かったです" });
    expect(hints).toEqual([{ code: "hidden_criticism", part: "effect", match: "でも" }]);
  });

  it("gives no hints for empty parts, which the form asks for anyway", () => {
    expect(guidanceFor({ scene: "", feeling: " ", effect: "" })).toEqual([]);
  });

  it("reports each kind of hint once per part, in part order", () => {
    const hints = guidanceFor({
      scene: "あなたは早く来るべきです。あなたは丁寧だけど遅いのでもっと急ぐべきです",
      feeling: "thanks",
      effect: "説明はいつも丁寧だけど、返事が遅いけど",
    });
    expect(hints.map((hint) => [hint.part, hint.code])).toEqual([
      ["scene", "you_message"],
      ["scene", "hidden_criticism"],
      ["feeling", "generic"],
      ["effect", "hidden_criticism"],
    ]);
  });

  it("applies the reader's language to text in neither script", () => {
    expect(guidanceFor({ ...concrete, scene: "!!!" }, "en").map((hint) => hint.code)).toEqual(["too_short"]);
  });
});
