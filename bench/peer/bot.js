// Pintu's first contact (dialogs/first-contact.yaml, crisis.yaml, info.yaml) on grammY with
// @grammyjs/conversations, as a peer for bench/compare.sh. Same texts, questions, buttons and
// callback data, branches, crisis jump and re-prompts as Pintu; flow in code, words from
// the dialog files.
//
// Environment:
//   PEER_TOKEN      bot token (required)
//   PEER_API_ROOT   Bot API root, e.g. http://127.0.0.1:8081 (default: Telegram)
//   PEER_STORAGE    "file" (durable, @grammyjs/storage-file; default) or "memory"
//   PEER_DATA_DIR   folder for the file storage (default ./data)
//   PEER_DIALOGS    folder with the dialog YAML files (default ../../dialogs)
//   PEER_POLL_TIMEOUT  getUpdates timeout in seconds (default 30)
//   PEER_CONCURRENCY   updates handled at once by the runner (default 500), one chat at a time
import { Bot, MemorySessionStorage } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import { FileAdapter } from "@grammyjs/storage-file";
import { run, sequentialize } from "@grammyjs/runner";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { loadTexts } from "./texts.js";
import { loadScreen } from "./screen.js";

const here = dirname(fileURLToPath(import.meta.url));
const token = process.env.PEER_TOKEN;
if (!token) {
  console.error("PEER_TOKEN is not set");
  process.exit(2);
}
const dialogs = resolve(process.env.PEER_DIALOGS ?? join(here, "..", "..", "dialogs"));
const { nodes: N, fill } = loadTexts(dialogs);
const screen = loadScreen(dialogs);

// ---- engine phrases (Pintu's dialog/Phrases) -----------------------------------------------
const P = {
  skip: "Lewati",
  done: "Sudah, itu saja",
  yes: "Ya",
  no: "Tidak",
  repromptChoice: "Maaf, saya belum menangkap jawabannya. Silakan pilih salah satu tombol di bawah ini.",
  repromptYesNo: 'Maaf, saya belum menangkap jawabannya. Cukup jawab "ya" atau "tidak", atau tekan tombol di bawah.',
  repromptText: (max) => `Maaf, jawaban itu belum bisa saya terima${max ? ` (maksimal ${max} huruf)` : ""}. Boleh dicoba lagi?`,
  stale: "Tombol itu dari pertanyaan sebelumnya. Kita lanjutkan di sini ya:",
  weContinue: "Kita lanjutkan dari sini ya.",
  personRequested: "Baik, saya hubungkan Anda dengan konselor. Mohon tunggu sebentar; semua yang Anda tulis akan sampai kepada mereka.",
  unknownCommand: "Perintah itu belum saya kenal. Ketik /bantuan untuk melihat apa yang bisa dilakukan.",
  storyLimit: "Terima kasih sudah bercerita sebanyak ini. Semua sudah saya catat untuk konselor.",
};
const SKIP_WORDS = new Set(["lewati", "skip", "lewat", "/lewati", "/skip"]);
const END_PHRASES = new Set(["sudah", "udah", "udh", "sdh", "sudah itu saja", "itu saja", "itu aja", "cukup", "selesai",
  "sudah cukup", "udah itu aja", "done", "that's all", "thats all", "that is all", "finished", "i'm done", "im done"]);
const YES_WORDS = new Set(["ya", "iya", "y", "yes", "yup", "yep", "ok", "oke", "okay", "boleh", "setuju", "bersedia", "mau", "yaa", "iyaa", "sure"]);
const NO_WORDS = new Set(["tidak", "tdk", "ga", "gak", "gk", "nggak", "ngga", "enggak", "engga", "no", "nope", "n", "tidak mau", "tidak setuju", "jangan"]);
const YES_NO = [{ value: "yes", label: P.yes }, { value: "no", label: P.no }];

const normalise = (t) => (t ?? "").trim().replace(/[.!,\s]+$/, "").replace(/\s+/g, " ").toLowerCase();

/** Thrown out of a question when a message shows danger: the conversation goes to the crisis script. */
class CrisisJump {
  constructor(text, partOfStory) {
    this.text = text;
    this.partOfStory = partOfStory;
  }
}
/** Thrown when the family asks for a person (/konselor). */
class PersonJump {}

const SKIPPED = Symbol("skipped");

// ---- the conversation --------------------------------------------------------------------

async function firstContact(conversation, ctx) {
  const fields = {};
  const story = [];
  const flags = [];
  let script = "first-contact";

  const keyboard = (rows) => (rows.length ? { reply_markup: { inline_keyboard: rows } } : {});
  const optionsOf = (q) => (q.options.length ? q.options : q.input === "yesno" ? YES_NO : []);
  const buttonsOf = (q) => {
    const rows = optionsOf(q).map((o) => [{ text: o.label, callback_data: `n:${q.id}:${o.value}` }]);
    if (q.skip) rows.push([{ text: P.skip, callback_data: `g:skip:${q.id}` }]);
    return rows;
  };
  const say = (text) => ctx.reply(text);

  /** A pressed button: stop the spinner and, when it answered the question, take the buttons away. */
  const pressed = async (c, accepted) => {
    await c.answerCallbackQuery();
    if (accepted && c.callbackQuery.message) await c.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
  };

  /** Free text: screened before it is read as an answer. */
  const screened = (text, partOfStory) => {
    const level = screen(text);
    if (level === "urgent" && script !== "crisis") throw new CrisisJump(text, partOfStory);
    if (level) flags.push(level);
  };

  /** Commands that mean the same at every question. Returns true when handled. */
  const command = async (c, text, again) => {
    const name = text.slice(1).split(/[\s@]/)[0].toLowerCase();
    if (name === "start") {
      await c.reply(P.weContinue);
      await again();
      return true;
    }
    if (["konselor", "counselor", "orang", "person", "human"].includes(name)) throw new PersonJump();
    if (["lewati", "skip"].includes(name)) return false; // read as a wish to skip, like the words
    await c.reply(P.unknownCommand);
    await again();
    return true;
  };

  /** Asks question node `id`; returns the value (or SKIPPED). */
  const ask = async (id) => {
    const q = N[id];
    const rows = buttonsOf(q);
    const prompt = (text = q.text) => ctx.reply(text, keyboard(rows));
    await prompt();
    for (;;) {
      const c = await conversation.wait();
      const data = c.callbackQuery?.data;
      if (data !== undefined) {
        const opt = optionsOf(q).find((o) => data === `n:${q.id}:${o.value}`);
        if (opt) {
          await pressed(c, true);
          return opt.value;
        }
        if (q.skip && data === `g:skip:${q.id}`) {
          await pressed(c, true);
          return SKIPPED;
        }
        await pressed(c, false);
        await c.reply(P.stale);
        await prompt();
        continue;
      }
      const text = c.message?.text;
      if (text === undefined) {
        await prompt();
        continue;
      }
      if (text.startsWith("/") && (await command(c, text, prompt))) continue;
      screened(text, false);
      const w = normalise(text);
      if (SKIP_WORDS.has(w) && q.skip) return SKIPPED;
      if (q.input === "text") {
        const v = text.trim();
        const len = [...v].length;
        if (v && (!q.maxLength || len <= q.maxLength)) return v;
        await prompt(`${q.invalidText ?? P.repromptText(q.maxLength)}\n\n${q.text}`);
        continue;
      }
      // choice / yesno: a typed number picks the n-th button; a value or a label counts too.
      const opts = optionsOf(q);
      let pick;
      if (/^\d{1,2}$/.test(w)) pick = opts[Number(w) - 1];
      pick ??= opts.find((o) => o.value.toLowerCase() === w || normalise(o.label) === w);
      if (!pick && q.input === "yesno") {
        const v = YES_WORDS.has(w) ? "yes" : NO_WORDS.has(w) ? "no" : null;
        pick = opts.find((o) => o.value === v);
      }
      if (pick) return pick.value;
      await prompt(`${q.invalidText ?? (q.input === "yesno" ? P.repromptYesNo : P.repromptChoice)}\n\n${q.text}`);
    }
  };

  /** Asks and records the answer; returns the node the answer leads to. */
  const intake = async (id) => {
    const q = N[id];
    const v = await ask(id);
    if (v === SKIPPED) return q.next ?? q.options.at(-1)?.next;
    fields[q.capture] = v;
    return q.options.find((o) => o.value === v)?.next ?? q.next;
  };

  /** The story: acknowledged message by message until "done". */
  const listen = async (id) => {
    const l = N[id];
    const done = keyboard([[{ text: P.done, callback_data: `g:done:${id}` }]]);
    await ctx.reply(l.text, done);
    for (let heard = 0; ; ) {
      const c = await conversation.wait();
      const data = c.callbackQuery?.data;
      if (data !== undefined) {
        if (data === `g:done:${id}` || data === `g:skip:${id}`) {
          await pressed(c, true);
          return;
        }
        await pressed(c, false);
        await c.reply(P.stale);
        await ctx.reply(l.text, done);
        continue;
      }
      const text = c.message?.text;
      if (text === undefined) continue;
      if (/^\/(lewati|skip)(@\S+)?$/i.test(text.trim())) return; // skipping the story ends it
      if (text.startsWith("/") && (await command(c, text, () => ctx.reply(l.text, done)))) continue;
      if (END_PHRASES.has(normalise(text)) && story.length) return;
      screened(text, true);
      story.push(text);
      heard++;
      if (heard >= (l.maxMessages ?? 15)) {
        await c.reply(P.storyLimit);
        return;
      }
      await c.reply(l.acks[(heard - 1) % l.acks.length], done);
    }
  };

  /** Hands the case to the counselors: kept durably before the family is told. */
  const handoff = async (node, queue, priority, reason) => {
    await conversation.external(() =>
      cases.write(String(ctx.chatId), { chat: ctx.chatId, queue, priority, reason, fields, story, flags, at: Date.now() }));
    if (node) await say(N[node].text);
  };

  const crisis = async () => {
    script = "crisis";
    await say(N.help_now.text);
    // Queued at once, at the top: a person should not wait for the answer below.
    await conversation.external(() =>
      cases.write(String(ctx.chatId), { chat: ctx.chatId, queue: "crisis", priority: "urgent", reason: "crisis signs", fields, story, flags, at: Date.now() }));
    const safe = await ask("safe");
    if (safe !== SKIPPED) fields.safe_now = safe;
    if (safe === "no" || safe === "unsure") await say(N.get_safe.text);
    await handoff("urgent", "crisis", "urgent", "script crisis/urgent");
    // What Pintu adds after the crisis handoff when there is no staff chat (the bench runs both bots without one).
    await say(fill("{service.crisis_no_desk}"));
  };

  const declined = async () => {
    for (const id of ["declined", "about", "where", "partners", "contacts"]) for (const t of N[id].texts) await say(t);
    const what = await ask("what_now");
    if (what === "person") await handoff("to_person", "general", "normal", "script info/to_person");
    else await say(N.goodbye.text);
  };

  try {
    const firstText = ctx.message?.text;
    if (firstText && !firstText.startsWith("/")) screened(firstText, false);
    await say(N.hello.text);
    await say(N.intro.text);
    if ((await intake("consent")) !== "writer") return await declined();
    let next = await intake("writer");
    if (next === "age") {
      next = await intake("age");
      if (next === "minor") {
        await say(N.minor.text);
        next = "name";
      }
    }
    await intake("name");
    await intake("area");
    next = await intake("problem");
    if (next === "problem_other") await intake("problem_other");
    else if (next === "safe_note") await say(N.safe_note.text);
    if (fields.writer !== "pro") {
      if ((await intake("came_by")) === "referred_by") await intake("referred_by");
    }
    await listen("story");
    await say(fields.name ? fill(N.thanks_name.text, { name: fields.name }) : N.thanks.text);
    await say(N.reassure.text);
    await intake("contact_time");
    if (fields.problem === "violence") await handoff("handoff_hi", "general", "high", "script first-contact/handoff_hi");
    else await handoff("handoff", "general", "normal", "script first-contact/handoff");
  } catch (e) {
    if (e instanceof CrisisJump) {
      if (e.partOfStory) story.push(e.text);
      await crisis();
    } else if (e instanceof PersonJump) {
      await say(P.personRequested);
      await handoff(null, script === "crisis" ? "crisis" : "general", "normal", "family asked for a person");
    } else throw e;
  }
}

// ---- the bot -----------------------------------------------------------------------------

const durable = (process.env.PEER_STORAGE ?? "file") !== "memory";
const dataDir = resolve(process.env.PEER_DATA_DIR ?? "data");
const conversationStore = durable ? new FileAdapter({ dirName: join(dataDir, "conversations") }) : new MemorySessionStorage();
const cases = durable ? new FileAdapter({ dirName: join(dataDir, "cases") }) : new MemorySessionStorage();

const bot = new Bot(token, { client: { apiRoot: process.env.PEER_API_ROOT ?? "https://api.telegram.org" } });
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
bot.use(conversations({ storage: { type: "key", version: 1, adapter: conversationStore } }));
bot.use(createConversation(firstContact, "first-contact"));
bot.on(["message", "callback_query"], async (ctx) => {
  // Not in a conversation: any message (or /start) starts the first contact afresh.
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  if (ctx.message) await ctx.conversation.enter("first-contact");
});
bot.catch((err) => console.error(`update ${err.ctx?.update?.update_id}: ${err.error?.stack ?? err.error}`));

const runner = run(bot, {
  runner: {
    fetch: { timeout: Number(process.env.PEER_POLL_TIMEOUT ?? 30) },
    maxRetryTime: 60 * 60 * 1000,
  },
  sink: { concurrency: Number(process.env.PEER_CONCURRENCY ?? 500) },
});
console.log(`peer bot polling ${process.env.PEER_API_ROOT ?? "Telegram"}, storage=${durable ? `file ${dataDir}` : "memory"}`);
const stop = () => {
  if (runner.isRunning()) runner.stop().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
