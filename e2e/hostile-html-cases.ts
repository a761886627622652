/** HTML that tries to run, load or hide something; pasted or dropped as an article, only its words may come through. */
export const HOSTILE_HTML: readonly (readonly [string, string])[] = [
  ['script element', `<script>window.__pwned='script';alert(1)</script>`],
  ['script with src', `<script src="https://evil.example/x.js"></script>`],
  ['module script', `<script type="module">window.__pwned='module'</script>`],
  ['img onerror', `<img src="x" onerror="window.__pwned='img'">`],
  ['body onload', `<body onload="window.__pwned='body'">`],
  ['svg onload', `<svg onload="window.__pwned='svg'"><circle r="1"/></svg>`],
  ['svg script', `<svg><script>window.__pwned='svgscript'</script></svg>`],
  [
    'svg animate href',
    `<svg><a><animate attributeName="href" values="javascript:window.__pwned='anim'"/><text y="10">go</text></a></svg>`,
  ],
  [
    'svg foreignObject',
    `<svg><foreignObject><iframe srcdoc="<script>parent.__pwned='fo'</script>"></iframe></foreignObject></svg>`,
  ],
  ['MathML href', `<math><mi xlink:href="javascript:window.__pwned='math'">x</mi></math>`],
  [
    'MathML mglyph style break-out',
    `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mglyph'">`,
  ],
  ['javascript: link', `<a href="javascript:window.__pwned='link'">Read more</a>`],
  ['data: link', `<a href="data:text/html,<script>alert(1)</script>">Read more</a>`],
  ['javascript: iframe', `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`],
  ['srcdoc iframe', `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`],
  [
    'object / embed',
    `<object data="data:text/html,<script>parent.__pwned='obj'</script>"></object><embed src="x.swf">`,
  ],
  ['form action', `<form action="javascript:window.__pwned='form'"><button>Go</button></form>`],
  ['meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='meta'">`],
  ['base href', `<base href="https://evil.example/">`],
  ['link stylesheet', `<link rel="stylesheet" href="https://evil.example/x.css">`],
  ['style @import', `<style>@import url(https://evil.example/x.css);</style>`],
  ['style expression', `<div style="width: expression(window.__pwned='expr')">.</div>`],
  ['style background url', `<div style="background:url(https://evil.example/p.png)">.</div>`],
  ['CSS hiding text', `<style>p{display:none}</style><p style="position:absolute;left:-9999px">hidden</p>`],
  [
    'template / noscript',
    `<template><img src=x onerror="window.__pwned='tpl'"></template><noscript><img src=x onerror="window.__pwned='ns'"></noscript>`,
  ],
  ['comment break-out', `<!--><img src=x onerror="window.__pwned='comment'">-->`],
  ['CDATA break-out', `<![CDATA[><img src=x onerror="window.__pwned='cdata'">]]>`],
  ['entity-encoded handler', `<img src=x onerror="&#119;indow.__pwned='entity'">`],
  ['unclosed attribute', `<img src="x onerror=window.__pwned='unclosed'`],
  [
    'nested form / dom clobbering',
    `<form id="document"><input name="cookie"></form><img name="getElementById">`,
  ],
];

/** What may never appear in the stored text of a hostile HTML article. */
export const FORBIDDEN_IN_TEXT = [
  '<',
  '__pwned',
  'onerror',
  'onload',
  'javascript:',
  '@import',
  'expression(',
];
