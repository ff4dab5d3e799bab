// Markdown turns a line break inside a paragraph into a space. Between two Japanese characters that space is
// wrong (「、 停止」), so the break is removed there before rendering, outside code fences.

const cjk = '\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const softBreak = new RegExp(`([${cjk}])\\n(?=[${cjk}]|\\*\\*[${cjk}]|\`)`, 'g');

/** The Markdown with soft line breaks between CJK text removed (fenced code blocks left as they are). */
export function joinCjkSoftBreaks(markdown: string): string {
  return markdown
    .split(/(^```[^\n]*\n[\s\S]*?^```[^\n]*$)/m)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(softBreak, '$1')))
    .join('');
}
