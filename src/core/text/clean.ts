import { SPEECH_VERBS } from '../attribution/lexicon';
import type { BoilerplateRange } from '../extract/types';
import { furnitureReason } from './furniture-lines';
import { type Line, linesOf } from './lines';

const AD_LABEL =
  /^(hide ad|advertisement|advert|ad|sponsored( content)?|promoted|story continues (below|after)( advertisement)?|continue reading( below)?|scroll to continue( with content)?|skip ad|ad feedback|article continues below( this)?( ad(vertisement)?)?)$/i;
const RELATED_LABEL =
  /^(read more|read more:|more on this( story)?|related( articles?| stories| content| coverage)?:?|see also:?|recommended( for you)?:?|most read|trending( now)?|you may also like|more from .{1,40})$/i;
const SHARE =
  /^(watch (the |our )?(highlights|video|full|live|more).{0,80}|share( this( article| story)?)?( on .{1,30})?|tweet|email|print|copy link|follow us( on .{1,40})?|click here .{0,80}|subscribe( now)?.{0,80}|sign up( for| to| now).{0,120}|sign up|comments?|join the conversation.{0,60}|(?:image|photo)s?(?:(?::|\s*[-–—|]|\s+(?:by|copyright|credit|courtesy|via)\b).{0,120})?|\(?(photo|image|picture|credit)s?( by|:).{0,120}|getty images|pa( media| wire)?|ap photo.{0,80}|reuters\/?.{0,40}|all rights reserved.{0,80}|copyright.{0,100}|©.{0,120}|listen to (this )?article.{0,40}|\d+ min(ute)?s? read|updated:? .{0,60}|published:? .{0,60})$/i;
const BYLINE =
  /^(?:[Bb]y|[\p{L} ]{0,30}\b(?:[Rr]eport|[Rr]eporting|[Ww]ords|[Pp]ictures|[Pp]hotos?|[Ii]nterview|[Aa]nalysis|[Ee]dited|[Cc]ompiled|[Ww]ritten) by)\s+\p{Lu}[\p{L}.'’-]+(\s+(\p{Lu}[\p{L}.'’-]+|and|&|,))*\s*$/u;
/** "READ MORE: Council leader quits", "Weather: the five-day forecast" — a label, a colon, a link's title. */
const LABELLED_LINK =
  /^(read more|read next|more|also read|related|see also|watch|listen|weather|podcast|video|quiz|newsletter|most read|trending|recommended|opinion|live updates?|sponsored)\s*[:|»›]\s*\S.{0,150}$/i;
/** A photo caption ends with its credit: "… Picture: TDCA", "… Photo: Jane Roe/PA". */
const CAPTION_CREDIT = /\b(picture|photo|photograph|image|credit)s?( credit)?:\s*[\p{L}\d ./&'’-]{1,50}$/iu;
/** "Pictured: …", "Main picture: …" — a caption introduced by its label. */
const CAPTION_LABEL =
  /^(pictured|picture|photo|photograph|image|above|below|top|left|right|main (picture|image)|inset)\s*[:|]\s*\S/i;
/** Wire and web credit lines: "Contributing: …", "Additional reporting by …", "Editing by …", "Our Standards: …", "Follow Jane Roe on X: @jroe". */
const CREDIT_LINE =
  /^(?:(?:contributing|additional reporting|reporting|writing|editing|compiled|fact[- ]checked)(?:\s*[:;]\s*\S.{0,120}| by\s+\p{Lu}[^.!?]{0,120})|our standards\s*:.{0,120}|follow\s.{1,60}\bon\s+(?:x|twitter|facebook|instagram|threads|bluesky|linkedin|tiktok|mastodon|youtube)\b.{0,80})$/iu;
const PARA_OK = /[.!?"”’)]$/;

/**
 * "WATCH: The mayor said the harbour would reopen next spring.": a whole sentence with a report after the label is
 * the article's own text ("Watch: Mayor says harbour will reopen", a link's title, has no full stop).
 */
function reportAfterLabel(s: string): boolean {
  return isReport(s.slice(s.search(/[:|»›]/) + 1).trim());
}

/** A whole sentence of six words or more holding a speech verb. */
function isReport(rest: string): boolean {
  return (
    /[.!?]["”’]?$/.test(rest) &&
    rest.split(/\s+/).length >= 6 &&
    rest.split(/[^\p{L}]+/u).some((w) => w === w.toLowerCase() && SPEECH_VERBS.has(w))
  );
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** A caption printed twice back to back ("XX"). */
function isDoubled(s: string): boolean {
  if (s.length < 20 || s.length % 2) return false;
  const h = s.length / 2;
  return s.slice(0, h) === s.slice(h);
}

/**
 * Boilerplate ranges: ad labels, "Read More" blocks and the headline under them, share prompts, bylines,
 * and photo captions (a line without end punctuation repeated elsewhere, or printed twice in a row).
 * Cleaning marks ranges; it never deletes text.
 */
export function findBoilerplate(text: string, lines: readonly Line[] = linesOf(text)): BoilerplateRange[] {
  const out: BoilerplateRange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const s = line.text;
    const add = (reason: string) => out.push({ start: line.start, end: line.end, reason });
    if (AD_LABEL.test(s)) add('ad label');
    else if (LABELLED_LINK.test(s) && !/[“"]/.test(s) && !reportAfterLabel(s)) add('related link');
    else if (s.length <= 300 && (CAPTION_CREDIT.test(s) || CAPTION_LABEL.test(s))) {
      const credit = CAPTION_CREDIT.exec(s);
      // "Ruth Amsel said the bank would keep its branches. Photograph: …": a report with the credit glued on.
      if (credit && !CAPTION_LABEL.test(s) && isReport(s.slice(0, credit.index).trim()))
        out.push({ start: line.start + credit.index, end: line.end, reason: 'photo caption' });
      else add('photo caption');
    } else if (RELATED_LABEL.test(s)) {
      add('related link');
      const next = lines[i + 1];
      // The related headline printed under the label: short, no end punctuation, no quotation.
      if (next && next.text.length <= 160 && !/[.!?:]["”’]?$/.test(next.text) && !/^[“"‘]/.test(next.text)) {
        out.push({ start: next.start, end: next.end, reason: 'related link' });
        i++;
      }
    } else if (s.length <= 160 && SHARE.test(s) && !/[“"]/.test(s)) add('share prompt');
    else if (s.length <= 200 && CREDIT_LINE.test(s) && !/[“"]/.test(s)) add('credit line');
    else if (s.length <= 100 && BYLINE.test(s.replace(/\s+(at|in|for) (the )?[\p{Lu}][\p{L} ]*$/u, '')))
      add('byline');
    else if (isDoubled(s)) add('repeated caption');
    else if (
      s.length >= 12 &&
      s.length <= 300 &&
      !PARA_OK.test(s) &&
      i > 0 &&
      count(text, s) >= 2 &&
      !/[“"]/.test(s)
    )
      add('repeated caption');
    else {
      const furniture = furnitureReason(s);
      if (furniture) add(furniture);
    }
  }
  return out;
}
