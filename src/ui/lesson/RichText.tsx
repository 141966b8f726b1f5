import { Fragment } from 'react';

/**
 * Narration text: paragraphs split on blank lines, `backticks` as inline code. Lessons are plain
 * strings so teachers can write them in YAML; this is all the markup they need.
 */
export function RichText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        // The newline keeps paragraphs apart in the text (copying, tests); it does not render.
        <Fragment key={i}>
          {i > 0 && '\n'}
          <p className={className}>
            {paragraph
              .split(/(`[^`]+`)/)
              .map((part, j) =>
                part.startsWith('`') && part.endsWith('`') && part.length > 2 ? (
                  <code key={j}>{part.slice(1, -1)}</code>
                ) : (
                  <Fragment key={j}>{part}</Fragment>
                ),
              )}
          </p>
        </Fragment>
      ))}
    </>
  );
}
