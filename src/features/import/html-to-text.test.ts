import { describe, expect, test } from 'vitest';
import { htmlToText } from '@/features/import/html-to-text';

const page = `<!doctype html><html><head><title>Harbour | Gazette</title></head><body>
  <nav><a href="/">Home</a> · <a href="/news">News</a></nav>
  <article>
    <h1>Harbour plan approved</h1>
    <p>The harbour master said: "The new wall will protect <b>two hundred</b> homes."</p>
    <script>window.__pwned = true</script>
    <img src="x" onerror="window.__pwned = true">
    <p>Councillor Ann Berry said the cost had doubled<br>since 2021.</p>
    <p>The council will publish the full plan next month, after a final round of consultation with residents and businesses on the seafront.</p>
  </article>
  <footer>© Gazette</footer>
</body></html>`;

describe('htmlToText', () => {
  test('keeps the article as paragraphs of plain text, without scripts or page furniture', () => {
    const { text } = htmlToText(page);
    expect(text).toContain('The harbour master said: "The new wall will protect two hundred homes."');
    // the extractor reads each line as a paragraph: a <br> inside a sentence is a line wrap, not a break
    expect(text).toContain('Councillor Ann Berry said the cost had doubled since 2021.');
    expect(text).toMatch(/homes\."\n\nCouncillor/);
    expect(text).not.toMatch(/__pwned|<|Home · News|© Gazette/);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  test('a fragment too short for Readability still gives its text', () => {
    expect(htmlToText('<p>One.</p><p>Two.</p>').text).toBe('One.\n\nTwo.');
  });

  test('markup with no words gives empty text', () => {
    expect(htmlToText('<script>alert(1)</script><img src=x>').text).toBe('');
  });

  test("the headline Readability takes out as the title's copy is kept as the text's first line", () => {
    const story = `<!doctype html><html><head><title>Police chief says people are 'jumping to conclusions' - BBC News</title></head>
      <body><header><h1>BBC News</h1></header><div class="story"><h1>Police chief says people are 'jumping to conclusions'</h1>
      <p>South Yorkshire's police and crime commissioner has said people concerned about child abuse are jumping to conclusions about what is happening in the town.</p>
      <p>Alan Billings said the force was doing everything it could and that he had seen no evidence of a cover-up at any point this year.</p></div></body></html>`;
    const { text, title } = htmlToText(story);
    expect(title).toBe("Police chief says people are 'jumping to conclusions'");
    expect(text).toMatch(/^Police chief says people are 'jumping to conclusions'\n\nSouth Yorkshire's/);
    expect(text.match(/jumping to conclusions'/g)).toHaveLength(1);
  });

  test("a site's name in a heading is not taken for the headline, and a headline kept in the article is not doubled", () => {
    const { text } =
      htmlToText(`<!doctype html><html><head><title>Millbrook bridge to reopen | Calder Gazette</title></head>
      <body><header><h1>Calder Valley Gazette</h1></header><article><h1>Millbrook bridge to reopen in May, council says</h1>
      <p>The council said on Monday that the bridge would reopen in May after repairs costing two million pounds, and that buses would return the same week.</p>
      <p>"We are confident," said Priya Shah, the council leader, adding that the contractor was ahead of schedule on the repairs.</p></article></body></html>`);
    expect(text).not.toContain('Calder Valley Gazette');
    expect(text.match(/Millbrook bridge to reopen in May/g)).toHaveLength(1);
    expect(text).toMatch(/^Millbrook bridge to reopen in May, council says\n\nThe council said/);
  });

  test('a <br> after a sentence starts a new line; one inside a sentence, or in a <font> page, does not cut it', () => {
    const { text } = htmlToText(
      '<div><p>The mayor said the plan was "ready".<br>"It is not," said Ann Lee, who chairs the\n<br>\nplanning committee.</p></div>',
    );
    expect(text).toBe(
      'The mayor said the plan was "ready".\n"It is not," said Ann Lee, who chairs the planning committee.',
    );
    const font = htmlToText(`<html><head><title>Quarry plan approved</title></head><body><table><tr><td>
      <font size="4"><b>Quarry plan approved</b></font><br><font size="1">Posted 1 December 2026</font><br><br>
      <font size="2">${'The committee approved the plan on Monday after a long debate about dust and noise. '.repeat(4)}<br><br>
      ${'"We have listened," said the operator, Neil Garside, after the committee meeting ended. '.repeat(4)}<br><br></font>
      </td></tr></table></body></html>`).text;
    expect(font.split('\n\n').map((b) => b.slice(0, 20))).toEqual([
      'Quarry plan approved',
      'Posted 1 December 20',
      'The committee approv',
      '"We have listened," ',
    ]);
  });

  test('soft hyphens and zero-width spaces do not split words', () => {
    expect(htmlToText('<p>the trade&shy;rs&#8203; association</p><p>Two.</p>').text).toBe(
      'the traders association\n\nTwo.',
    );
  });

  const story = (body: string, head = '') =>
    `<!doctype html><html><head><title>Council approves harbour wall</title></head><body>${head}<article>
      <h1>Council approves harbour wall</h1>${body}
      <p>The council approved the new harbour wall on Monday, after a two-year consultation with residents and businesses along the seafront.</p>
      <p>"The wall will protect two hundred homes from the next big storm," said the harbour master, Ann Berry, after the vote was taken.</p>
      <p>Work will start in the spring and is expected to take eighteen months, the council said in a statement on its website.</p>
      </article></body></html>`;
  const bare = [
    'Council approves harbour wall',
    'The council approved the new harbour wall on Monday, after a two-year consultation with residents and businesses along the seafront.',
    '"The wall will protect two hundred homes from the next big storm," said the harbour master, Ann Berry, after the vote was taken.',
    'Work will start in the spring and is expected to take eighteen months, the council said in a statement on its website.',
  ].join('\n\n');

  test.each([
    [
      'a figure caption',
      '<figure><img src="x.jpg"><figcaption>Ann Berry said the wall was overdue. Photo: J Roe</figcaption></figure>',
    ],
    [
      'a pull quote',
      '<blockquote class="pull-quote"><p>"The wall will protect two hundred homes"</p></blockquote>',
    ],
    [
      'a "READ MORE" link',
      '<p><strong>READ MORE: <a href="/x">Mayor says harbour tax will rise by 5%</a></strong></p>',
    ],
    [
      'a related-stories box',
      '<div class="related-stories"><h3>Related</h3><p>Minister says ferries will run all winter</p></div>',
    ],
    [
      'a newsletter box',
      '<div class="newsletter-signup"><p>Sign up to our free newsletter for all the top stories.</p><p>We use your sign-up to send you news you asked for.</p></div>',
    ],
    [
      'a share bar',
      '<div class="share-bar"><span>Share this article</span> <span>Facebook</span> <span>WhatsApp</span></div>',
    ],
    [
      'an embedded tweet',
      '<blockquote class="twitter-tweet"><p>We said the wall would be built. Today it was approved.</p>— Ann Berry (@annberry) <a href="#">December 1, 2026</a></blockquote>',
    ],
    [
      'an Instagram embed',
      '<blockquote class="instagram-media"><div><p>A post shared by Harbour Council (@harbour)</p></div></blockquote>',
    ],
    ['an ad slot', '<div class="ad-slot"><span>Advertisement · Scroll to continue</span></div>'],
    [
      'an author bio',
      '<div class="author-bio"><p>Jo Hale is our local government reporter. She said she has covered the harbour since 2019.</p></div>',
    ],
    [
      'comments',
      '<div id="comments"><p>"A waste of money," said one reader, who lives on the seafront.</p></div>',
    ],
    ['a live blog post byline', '<span class="post-author">Rowena Hart</span>'],
    [
      'a pull quote by another name, repeating words of a paragraph',
      '<div class="article__pullout"><p>“The wall will protect two hundred homes from the next big storm”</p></div>',
    ],
    ['a pull quote in a bare blockquote', '<blockquote>Work will start in the spring</blockquote>'],
    [
      "an inline SVG's title and labels",
      '<p><svg viewBox="0 0 24 24"><title>Share on Facebook</title><text x="1" y="9">Turnout 64%</text></svg></p>',
    ],
  ])('%s inside the story is not article text', (_what, furniture) => {
    expect(htmlToText(story(`<div>${furniture}</div>`)).text).toBe(bare);
  });

  test('a quotation of several paragraphs, and a paragraph printed twice, are kept', () => {
    const statement =
      '<blockquote><p>We have listened to the residents of the seafront.</p><p>The wall will be finished by next winter.</p></blockquote>';
    const twice = '<p>The wall will be built of granite from a quarry in Cornwall.</p>';
    const { text } = htmlToText(story(`${statement}${twice}${twice}`));
    expect(text).toContain(
      'We have listened to the residents of the seafront.\n\nThe wall will be finished by next winter.',
    );
    expect(text.split('The wall will be built of granite from a quarry in Cornwall.\n')).toHaveLength(3);
  });

  test('the box that holds the story is kept, whatever its class says', () => {
    const page = story('')
      .replace('<article>', '<div class="content has-share-bar social-post"><article>')
      .replace('</article>', '</article></div>');
    expect(htmlToText(page).text).toBe(bare);
  });

  test('a standfirst Readability leaves out, as a heading beside the story, is kept under the headline', () => {
    const page = `<!doctype html><html><head><title>Four-day weeks work, and councils should stop pretending | The Ledger</title></head><body><main>
      <h1>Four-day weeks work, and councils should stop pretending</h1><h2 class="dek">The council trial saved money and kept staff, and ministers ignored it</h2>
      <div class="story"><p>${'When the council moved its staff to a four-day week, ministers called it a gimmick. '.repeat(3)}</p>
      <p>${'An evaluation found that most of its performance measures improved during the trial. '.repeat(3)}</p></div></main></body></html>`;
    expect(htmlToText(page).text).toMatch(
      /^Four-day weeks work, and councils should stop pretending\n\nThe council trial saved money and kept staff, and ministers ignored it\n\nWhen the council/,
    );
  });

  test('a headline set in a <span> is its own line, not glued to what follows', () => {
    const page = `<!doctype html><html><head><title>Judge rules airport consultation unlawful - Coastline</title></head><body>
      <div class="story"><span class="headline">Judge rules airport consultation unlawful</span><span class="time">4 December 2026</span>
      <div><span>${'A High Court judge has ruled that the consultation on the airport was unlawful. '.repeat(3)}</span></div>
      <div><span>${'The judge said residents were not told that night flights would double. '.repeat(3)}</span></div></div></body></html>`;
    expect(htmlToText(page).text).toMatch(
      /^Judge rules airport consultation unlawful\n\n4 December 2026\n\nA High Court/,
    );
  });

  test("the title is the page's headline without the site's name, whatever the separator", () => {
    const body = `<h1>Café chain to close 14 sites as costs bite</h1>
      <p>${'The chain will close 14 of its 52 sites by March, putting about 180 jobs at risk, it said. '.repeat(3)}</p>
      <p>${'Staff would be offered jobs at other branches where possible, a spokesperson said. '.repeat(3)}</p>`;
    for (const title of [
      'Café chain to close 14 sites as costs bite – Bristol Evening Herald',
      'Business | Café chain to close 14 sites as costs bite',
    ]) {
      expect(
        htmlToText(`<html><head><title>${title}</title></head><body><article>${body}</article></body></html>`)
          .title,
      ).toBe('Café chain to close 14 sites as costs bite');
    }
  });
});
