import type { Token } from '../text/tokens';
import { IRREGULAR_PAST, SPEECH_VERBS } from './lexicon';
import { isVerbLike } from './mention';
import { readShare } from './survey-share';

const DETERMINER = /^(the|a|an|this|that|these|those|his|her|their|its|our|my|your|some|all|every|each)$/;

/** (Moved to the lexicon, which the subject reader in `mention.ts` shares.) */
export { IRREGULAR_PAST };

const COORDINATED_SUBJECT =
  /^(the|a|an|his|her|their|its|some|many|most|other|others|several|officials|critics|aides)$/;
const NOT_IN_NAMES = /^(by|in|on|at|for|with|from|to|among|about|than|as)$/;
const BARE_PLURAL = /^(others|some|many|most|critics|officials|aides)$/;

const PRESENT_AUX = /^(is|are|has|have|does|do|will|can|may|must|remains|remain)$/;

/** Is the relative clause's first verb in the present tense (`which reaches …`, `who is …`, `who will face …`)? */
function presentVerb(rest: readonly Token[]): boolean {
  for (const t of rest.slice(0, 6)) {
    if (!t.word || t.cap) continue;
    if (PRESENT_AUX.test(t.key)) return true;
    if (/^(was|were|had|would|could|should|might|did)$/.test(t.key) || /ed$/.test(t.key)) return false;
    if (/ly$/.test(t.key) || /^(also|still|now|often|not|never|only)$/.test(t.key)) continue;
    // `which votes`, `who blasts`: a verb in -s right after the relative word or its adverb.
    if (/[^s]s$/.test(t.key) && t.key.length > 3 && rest.indexOf(t) <= 1) return true;
  }
  return false;
}

/** Words of a time phrase before `after`/`before`/`since` (`Years after`, `A few weeks before`, `Shortly after`). */
const TIME_LEAD =
  /^(years|months|weeks|days|hours|minutes|moments|decades|shortly|soon|just|only|long|a|few|two|three|several|right|ever|not|even|the|same|day|week|on)$/;

/**
 * Where the subordinator of a fronted clause sits at or after tokens[i]: `after` itself, or after a time phrase
 * (`Years after`, `A few weeks after`, `Ever since`, `Even though`), or the `that` of `Now that` / `On the same day
 * that`; `i` when no time phrase comes first (the caller tests the word), -1 when the phrase leads nowhere.
 */
function subordinatorAt(tokens: readonly Token[], i: number): number {
  if (tokens[i]?.key === 'now' && tokens[i + 1]?.key === 'that') return i + 1;
  let k = i;
  while (k < i + 5 && tokens[k]?.word && TIME_LEAD.test(tokens[k]!.key)) k++;
  if (k === i) return i;
  const key = tokens[k]?.key ?? '';
  if (/^(after|before|since|though|as|if|when|while)$/.test(key)) return k;
  if (key === 'that' && tokens.slice(i, k).some((t) => /^(day|week)$/.test(t.key))) return k;
  return i;
}

/**
 * Where a reported clause ends when nothing else stops it before the sentence's end. News copy hangs the
 * reporter's own words on a report after a comma, and they are not what the speaker said:
 *
 * - a fronted subordinate clause holds the report, the main clause is the reporter's: `After Smith said the
 *   plan was dead, the council voted it down` → `the plan was dead`;
 * - a non-restrictive relative clause that runs to the sentence's end and is the reporter's present-time gloss
 *   on a past report (`Smith said he had met Jo Hall, who chairs the panel`: no backshift, so not reported), or
 *   another speaker's report (`…, which the inquiry called a cover-up`).
 *
 * A relative clause that is backshifted like the report (`said …, which had fallen by half`, `which would make
 * …`), holds the speaker's quoted words, continues the same speaker (`which they say …`), or is closed by a
 * comma and followed by the predicate (`the bill, which passed on Monday, is dead`) stays in the clause.
 * Measured on PolNeAR and the team's fixtures and kept only where it paid: trailing participle phrases
 * (`, leaving …`), `, compared with …`, `, up from …` and `, according to …` tails gain as many exact spans as
 * they lose there, so they stay in the clause. Returns the new end offset (≤ `end`).
 */
export function reportedClauseEnd(
  tokens: readonly Token[],
  start: number,
  end: number,
  inQuote: (offset: number) => boolean,
  cue: Readonly<{ key: string; from: number }>,
): number {
  const pastCue =
    /ed$/.test(cue.key) ||
    /^(said|told|wrote|thought|spoke|found|knew|felt|held|gave|made|swore|saw|heard|meant|taught)$/.test(
      cue.key,
    );
  const first = tokens.findIndex((t) => t.start >= start);
  if (first < 0) return end;
  let last = tokens.length - 1;
  while (last >= first && tokens[last]!.end > end) last--;
  const at = (k: number) => (k <= last ? tokens[k] : undefined);
  const isComma = (k: number) => at(k)?.text === ',' && !inQuote(at(k)!.start);
  const wordsBetween = (a: number, b: number) => {
    let n = 0;
    for (let k = a; k < b; k++) if (tokens[k]!.word) n++;
    return n;
  };
  // A comma inside a closing quotation mark (`…for some time,” he claimed …`) cuts after the mark.
  const cutAt = (k: number) => {
    const close = at(k + 1);
    return close && /^[”"’']$/.test(close.text) && inQuote(close.start) ? close.end : tokens[k]!.start;
  };
  const commaOrQuotedComma = (k: number) => {
    const t = at(k);
    if (t?.text !== ',') return false;
    if (!inQuote(t.start)) return true;
    const close = at(k + 1);
    return !!close && /^[”"’']$/.test(close.text);
  };
  // The clause continues after the aside: `the bill, which passed on Monday, is dead`.
  const closedAside = (k: number) => {
    for (let m = k + 2; m <= last; m++) {
      if (!isComma(m)) continue;
      const v = at(m + 1);
      return !!v?.word && !v.cap && isVerbLike(v.key);
    }
    return false;
  };

  // `A poll that showed 61 percent blame both parties was released on Sunday`: a relative report inside the
  // sentence's subject ends where the main clause's passive or perfect begins (an auxiliary and a participle).
  if (cue.from >= 2 && tokens[cue.from - 1]!.key === 'that' && first > cue.from) {
    const subjectOnly = tokens
      .slice(0, cue.from - 1)
      .every((t) => !t.word || t.cap || !(isVerbLike(t.key) || IRREGULAR_PAST.test(t.key)));
    for (let k = first + 3; subjectOnly && k < last; k++) {
      const participle = at(k + 1);
      if (
        /^(was|were|has|have|had)$/.test(tokens[k]!.key) &&
        participle?.word &&
        (/(?:ed|en)$/.test(participle.key) ||
          IRREGULAR_PAST.test(participle.key) ||
          participle.key === 'been') &&
        !/^(that|he|she|they|it|we|i|who|which)$/.test(at(k - 1)?.key ?? '')
      )
        return tokens[k]!.start;
    }
  }

  // Fronted subordinate clause: the report ends at the comma before the main clause.
  let lead = 0;
  if (/^(but|and|yet|so)$/.test(tokens[0]?.key ?? '')) lead = 1;
  lead = subordinatorAt(tokens, lead);
  if (
    lead >= 0 &&
    /^(after|although|though|while|when|whenever|if|since|because|once|whereas|unless|before|that)$/.test(
      tokens[lead]?.key ?? '',
    ) &&
    first > lead &&
    // `As the paper reported, the White House …`: the content is the main clause itself; a `that` clause
    // (`told the Gazette, the weekly paper, that …`) is inside the fronted clause.
    !tokens.slice(lead, cue.from).some((t) => t.text === ',' || t.text === ':') &&
    (tokens[first]!.key === 'that' ||
      !tokens.slice(cue.from, first).some((t) => t.text === ',' || t.text === ':'))
  ) {
    for (let k = first + 2; k < last; k++) {
      if (!commaOrQuotedComma(k)) continue;
      let n = k + 1;
      while (at(n) && /^[”"’']$/.test(at(n)!.text)) n++;
      const next = at(n);
      // A main clause follows: a subject, then a verb within a few words (`, he appears …`, `, the council
      // voted …`); not a list item, an appositive (`, a former detainee`) or a number (`2,000`).
      if (
        !next?.word ||
        next.start === tokens[k]!.end ||
        /^(and|or|but|nor|which|who|whose|whom|including|such|a|an|even|while|though|although|especially|mostly|most|not)$/.test(
          next.key,
        )
      )
        continue;
      if (wordsBetween(n, last + 1) < 3) break;
      if (
        !tokens
          .slice(n + 1, n + 8)
          .some((t) => t.word && !t.cap && (isVerbLike(t.key) || IRREGULAR_PAST.test(t.key)))
      )
        continue;
      return cutAt(k);
    }
  }

  // `Alongside Unite calls for a recount, even a senior adviser said the margin …`: after a comma, a new subject
  // (a determiner or a name) and its own past speech verb open another report, not this one's content.
  for (let k = first + 1; k < last - 3 && cue.from < first && cue.key !== 'according to'; k++) {
    if (!isComma(k)) continue;
    let n = k + 1;
    if (at(n)?.key === 'even') n++;
    const subject = at(n);
    if (!subject?.word || !(subject.cap || /^(the|a|an|his|her|their|its|one|some|other)$/.test(subject.key)))
      continue;
    let v = n + 1;
    while (
      v <= last &&
      v - n <= 6 &&
      at(v)!.word &&
      !SPEECH_VERBS.has(at(v)!.key) &&
      !isVerbLike(at(v)!.key) &&
      !IRREGULAR_PAST.test(at(v)!.key) &&
      !NOT_IN_NAMES.test(at(v)!.key)
    )
      v++;
    const verb = at(v);
    // (`…, an honor Donald said he hoped …`: a name after a common noun is a reduced relative's subject.)
    const relative = !subject.cap && at(v - 1)?.cap && tokens.slice(n + 1, v - 1).some((t) => !t.cap);
    if (
      verb?.word &&
      !verb.cap &&
      !relative &&
      /^(said|told|wrote|warned|argued|insisted|claimed|added|noted|predicted|acknowledged|contended|countered|asserted|stressed|conceded|declared|replied|responded)$/.test(
        verb.key,
      ) &&
      at(v + 1)?.word &&
      at(v + 1)!.key !== 'by' &&
      wordsBetween(v + 1, last + 1) >= 3
    )
      return tokens[k]!.start;
  }

  // `… broke into the computers and she accused Pratt of …`, `… a smear while Pratt suggests …`, `… should rest -
  // others say he …`: a coordinated clause with its own subject and speech verb is another report, not this one's.
  // (After a dash only a pronoun or a bare plural: `— an investment he concludes …` is the reporter's gloss.)
  for (let k = first + 3; k < last - 2; k++) {
    const conj = tokens[k]!;
    const dash = /^(?:—|–|-|--|;)$/.test(conj.text);
    if ((!dash && !/^(and|but|while|whereas)$/.test(conj.key)) || inQuote(conj.start)) continue;
    const before = tokens[k - 1]!;
    // (`…,” and he said …`, `… feat” - but he said …`: a comma, a closing mark or a dash may come first.)
    const mark = !dash && (/^[,”"’']$/.test(before.text) || /^(?:—|–|-|--)$/.test(before.text));
    if (
      !mark &&
      (!before.word || before.cap || /^(he|she|they|we|i|you|it|who|which|that|and|or)$/.test(before.key))
    )
      continue;
    let v = k + 1;
    const subject = at(v);
    if (!subject?.word) continue;
    const phrase = !/^(he|she|they|we|i)$/.test(subject.key);
    if (!phrase) v++;
    else {
      if (dash ? !BARE_PLURAL.test(subject.key) : !(subject.cap || COORDINATED_SUBJECT.test(subject.key)))
        continue;
      // ("while Maine Sen. Susan Collins and Texas Rep. Louis Gohmert suggested …": a longer run of names.)
      const reach = subject.cap ? 10 : 5;
      while (
        v <= last &&
        v - k <= reach &&
        (at(v)!.word || (subject.cap && at(v)!.text === '.')) &&
        !(subject.cap && (/^\d/.test(at(v)!.key) || NOT_IN_NAMES.test(at(v)!.key))) &&
        !SPEECH_VERBS.has(at(v)!.key) &&
        !isVerbLike(at(v)!.key)
      )
        v++;
    }
    // (`… and the senator had promised to listen`: a pluperfect is backshifted inside the same report.)
    if (at(v)?.key === 'had') continue;
    while (at(v) && /^(has|have|also|later|then|now|quickly|again|previously)$/.test(at(v)!.key)) v++;
    const verb = at(v);
    if (
      verb?.word &&
      !verb.cap &&
      SPEECH_VERBS.has(verb.key) &&
      !/ing$/.test(verb.key) &&
      // (`and the procedure sometimes called …`: a naming, not a report.)
      !/^(called|termed|dubbed|labeled|labelled|described|named)$/.test(verb.key) &&
      // ("and the internal questions it must resolve": after a noun phrase only a past or `say` is surely a verb.)
      (!phrase || subject.cap || /^(said|say|told)$|ed$/.test(verb.key)) &&
      at(v + 1)?.key !== 'by' &&
      v > k + 1 &&
      wordsBetween(v + 1, last + 1) >= 2
    )
      return tokens[k]!.start;
  }

  // `… “felony charges” — absent political intervention, of course`, `… the Oreo maker — all businesses that he has
  // assailed`: the only dash of the clause opens the reporter's appositive gloss on it (not `— the highest turnout
  // since 1980`, the speaker's own comparison, nor `— all plan to skip it`, a clause).
  const isDash = (k: number) => /^(?:—|–|--)$/.test(at(k)?.text ?? '') && !inQuote(at(k)!.start);
  const dashes: number[] = [];
  for (let k = first; k <= last; k++) if (isDash(k)) dashes.push(k);
  if (dashes.length === 1 && wordsBetween(first, dashes[0]!) >= 4) {
    const k = dashes[0]!;
    const head = at(k + 1);
    const second = at(k + 2);
    const gloss =
      !!head?.word &&
      !head.cap &&
      /^(a|an|all|no|absent|itself|something|another|the)$/.test(head.key) &&
      !(head.key === 'the' && /(?:est|^most|^least|^first|^only|^same)$/.test(second?.key ?? '')) &&
      !(
        second?.word &&
        !second.cap &&
        (isVerbLike(second.key) || /^(plan|are|have|say|agree|want)$/.test(second.key))
      ) &&
      wordsBetween(k + 1, last + 1) >= 2 &&
      // `— no different, he said, from …`: a tail with a cue of its own is more of a report, and
      // `— an investment he concludes has …`: so is one where a pronoun goes on speaking.
      !tokens.some(
        (t, m) =>
          m > k &&
          m <= last &&
          SPEECH_VERBS.has(t.key) &&
          (isComma(m - 2) || /^(he|she|they)$/.test(at(m - 1)?.key ?? '')),
      );
    if (gloss) return tokens[k]!.start;
  }

  // `… to repeal the Hyde Amendment, a longstanding federal provision that …`, `… a no-fly zone, an approach several
  // candidates have embraced`: an indefinite appositive after the clause's last comma is the reporter's gloss on it.
  {
    let k = last;
    while (k > first && !isComma(k)) k--;
    const head = at(k + 1);
    const second = at(k + 2);
    if (
      k > first &&
      wordsBetween(first, k) >= 4 &&
      head?.word &&
      !head.cap &&
      /^(a|an)$/.test(head.key) &&
      !(head.key === 'the' && /(?:est|^most|^least|^first|^only|^same)$/.test(second?.key ?? '')) &&
      !(second?.word && !second.cap && (isVerbLike(second.key) || IRREGULAR_PAST.test(second.key))) &&
      // (`, an hour before the shoot`: a time phrase; `, a court has heard`: a clause, not an appositive.)
      !/^(hour|hours|day|days|week|weeks|month|months|year|years|minute|minutes|decade|night|moment)$/.test(
        second?.key ?? '',
      ) &&
      ![at(k + 2), at(k + 3)].some((t) => /^(has|have|had|is|was|were|are|will|would)$/.test(t?.key ?? '')) &&
      wordsBetween(k + 1, last + 1) >= 2 &&
      !tokens.slice(k + 1, last + 1).some((t) => t.key === 'and' || t.key === 'or' || SPEECH_VERBS.has(t.key))
    )
      return tokens[k]!.start;
  }

  // `…, compared with 64 percent who say the same of Sanders`: a comparison with another share of a poll's
  // respondents, who report on their own (a speech verb in its relative clause), is not this report's content.
  for (let k = first + 2; k < last; k++) {
    const t = tokens[k]!;
    if (!(t.key === 'compared' && /^(with|to)$/.test(at(k + 1)?.key ?? '')) && t.key !== 'versus') continue;
    const from = t.key === 'versus' ? k + 1 : k + 2;
    const share = readShare(tokens, from, Math.min(last, from + 12));
    if (!share || share.form === 'count') continue;
    const rest = tokens.slice(share.end + 1, Math.min(last + 1, share.end + 10));
    const who = rest.findIndex((r) => /^(who|that)$/.test(r.key));
    if (who < 0 || !SPEECH_VERBS.has(rest[who + 1]?.key ?? '')) continue;
    return isComma(k - 1) ? tokens[k - 1]!.start : t.start;
  }

  // A postposed attribution of another speaker closes the clause: `…Ortiz “would have no chance to win,” the
  // source recalled`, `…, said Ana Reyes, the county treasurer`, `…,” the Harlow Gazette reported in 2019`.
  for (let k = first + 2; k < last && cue.from < first; k++) {
    if (!commaOrQuotedComma(k) || wordsBetween(first, k) < 3) continue;
    let n = k + 1;
    while (at(n) && /^[”"’']$/.test(at(n)!.text)) n++;
    const tail = tokens.slice(n, last + 1).filter((t) => t.word);
    // `…, according to a Quinnipiac poll released Thursday`: a participle after the source (no other verb, no
    // `that`) still leaves the tail an attribution.
    if (
      tail[0]?.key === 'according' &&
      tail[1]?.key === 'to' &&
      tail.length <= 12 &&
      !tail.some((t) => t.key === 'that' || (isVerbLike(t.key) && !/ed$/.test(t.key)))
    )
      return cutAt(k);
    if (!tail.length || tail.some((t) => t.key === 'that' || isVerbLike(t.key) !== SPEECH_VERBS.has(t.key)))
      continue;
    const cueAt = tail.findIndex((t) => SPEECH_VERBS.has(t.key) && !t.cap);
    const inverted =
      cueAt === 0 &&
      tail.length <= 20 &&
      /^(said|says|added|adds|recalled|noted|explained|continued|insisted|argued)$/.test(tail[0]!.key) &&
      (tail[1]!.cap || /^(a|an|the|his|her|their|its|one)$/.test(tail[1]?.key ?? ''));
    const after =
      cueAt > 0 &&
      cueAt <= 6 &&
      tail.length - cueAt <= 4 &&
      tail.slice(0, cueAt).every((t) => t.cap || /^(the|a|an|his|her|their|its|one|of|for|at)$/.test(t.key));
    const according = tail[0]!.key === 'according' && tail.length <= 12;
    if (inverted || after || according) return cutAt(k);
  }

  // A relative clause that runs to the end: cut when it is the reporter's present-time gloss or another
  // speaker's report, keep it when it is backshifted like the report itself (`said …, which had fallen …`).
  for (let k = first + 2; k < last; k++) {
    if (!isComma(k) || wordsBetween(first, k) < 4) continue;
    const next = at(k + 1)!;
    if (!/^(which|who|whom|whose)$/.test(next.key) || next.cap) continue;
    if (closedAside(k)) continue;
    const rest = tokens.slice(k + 2, last + 1);
    const speech = rest.findIndex((t) => SPEECH_VERBS.has(t.key));
    // `…, which it said cost the high street “…”`, `…, which he said would cost £2m`: a relative report right after
    // the pronoun is a report of its own (PolNeAR: 5 of 6 so; the team's fixtures too), cut from the outer one.
    // Only after a clause (an auxiliary, `to` or an irregular past; `layered`, `convoluted` are no verbs):
    // `reported layered deposits, which they say are …` keeps the noun phrase with it (a noun phrase alone is no
    // claim).
    const clauseBefore = tokens
      .slice(first, k)
      .some(
        (t, m) =>
          t.word &&
          !t.cap &&
          ((t.key === 'to' &&
            /^[a-z]+$/.test(tokens[first + m + 1]?.text ?? '') &&
            !DETERMINER.test(tokens[first + m + 1]!.key)) ||
            /^(is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|did|does|do)$/.test(
              t.key,
            ) ||
            IRREGULAR_PAST.test(t.key)),
      );
    if (speech === 1 && next.key === 'which' && /^(he|she|they|it|we|i)$/.test(rest[0]!.key) && clauseBefore)
      return tokens[k]!.start;
    // The speaker's own wording quoted inside: the report goes on.
    if (rest.some((t) => /^[“"‘']$/.test(t.text))) return end;
    if (speech >= 0) {
      // `which they say …`, `which he called …`: the same speaker goes on; `which the inquiry called …`: another.
      const by = rest[speech - 1];
      if (speech === 0 || /^(he|she|they|we|i|it|you)$/.test(by?.key ?? '')) return end;
      return tokens[k]!.start;
    }
    if (pastCue && presentVerb(rest)) return tokens[k]!.start;
    return end;
  }
  return end;
}
