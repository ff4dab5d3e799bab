// Step narration: Markdown rendered to React elements (no raw HTML, unsafe links stripped by react-markdown).
import Markdown from 'react-markdown';
import { joinCjkSoftBreaks } from './narration-text.ts';

export function Narration({ markdown }: { markdown: string }) {
  return (
    <div className="narration">
      <Markdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noreferrer noopener">
              {children}
            </a>
          ),
        }}
      >
        {joinCjkSoftBreaks(markdown)}
      </Markdown>
    </div>
  );
}
