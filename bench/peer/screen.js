// A crisis screen over the same lexicon Pintu uses (dialogs/crisis-lexicon.yaml): chat
// spellings normalised, phrases matched word by word with "word*" prefixes and one extra
// word allowed between words (unless gap: 0), a negation just before a phrase lowers it
// one level, only_with/unless honoured. Returns "urgent", "concern" or null.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export function loadScreen(dir) {
  const lex = parse(readFileSync(join(dir, "crisis-lexicon.yaml"), "utf8"));
  const abbrev = lex.normalisation?.abbreviations ?? {};
  const negations = new Set(lex.negations ?? []);
  const bridge = new Set(lex.negation_bridge ?? []);
  const words = (text) => {
    const out = [];
    for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}*]+/u)) {
      if (!raw) continue;
      const w = raw.replace(/(\p{L})\1{2,}/gu, "$1"); // "tolooong" -> "tolong"
      const a = abbrev[w];
      if (a) out.push(...String(a).split(" "));
      else out.push(w);
    }
    return out;
  };
  const entries = [];
  for (const list of Object.values(lex.categories ?? {})) {
    for (const e of list) {
      const phrases = Array.isArray(e.phrase) ? e.phrase : [e.phrase];
      entries.push({
        phrases: phrases.map((p) => words(String(p))),
        level: e.level,
        gap: e.gap ?? 1,
        onlyWith: (e.only_with ?? []).map((p) => words(String(p))),
        unless: (e.unless ?? []).map((p) => words(String(p))),
      });
    }
  }
  const same = (pat, w) => (pat.endsWith("*") ? w.startsWith(pat.slice(0, -1)) : pat === w);
  // Index of the first word of a match of phrase p in ws, or -1.
  const find = (ws, p, gap) => {
    for (let i = 0; i < ws.length; i++) {
      if (!same(p[0], ws[i])) continue;
      let j = i, ok = true;
      for (let k = 1; k < p.length && ok; k++) {
        ok = false;
        for (let g = 1; g <= gap + 1 && j + g < ws.length; g++) {
          if (same(p[k], ws[j + g])) { j += g; ok = true; break; }
        }
      }
      if (ok) return i;
    }
    return -1;
  };
  const negated = (ws, at) => {
    for (let i = at - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
      if (negations.has(ws[i])) return true;
      if (!bridge.has(ws[i])) return false;
    }
    return false;
  };
  const down = (level) => (level === "urgent" ? "concern" : null);
  return (text) => {
    const ws = words(text);
    let best = null;
    for (const e of entries) {
      for (const p of e.phrases) {
        const at = find(ws, p, e.gap);
        if (at < 0) continue;
        if (e.onlyWith.length && !e.onlyWith.some((q) => find(ws, q, 1) >= 0)) continue;
        if (e.unless.some((q) => find(ws, q, 1) >= 0)) continue;
        const level = negated(ws, at) ? down(e.level) : e.level;
        if (level === "urgent") return "urgent";
        if (level === "concern") best = "concern";
      }
    }
    return best;
  };
}
