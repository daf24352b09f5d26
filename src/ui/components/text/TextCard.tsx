// One text as a card: a snippet, expandable to the full text, with its path and score.
import { useState } from 'react';

export const SNIPPET_CHARS = 240;

export function TextCard(props: { path: string; text: string; score: { label: string; value: number }; testId?: string }) {
  const [open, setOpen] = useState(false);
  const long = props.text.length > SNIPPET_CHARS;
  const shown = open || !long ? props.text : `${props.text.slice(0, SNIPPET_CHARS).trimEnd()}…`;
  return (
    <article className="text-card" data-testid={props.testId ?? 'text-card'} data-path={props.path} data-score={props.score.value}>
      <header>
        <code title={props.path}>{props.path}</code>
        <span className="score">{props.score.label} = {props.score.value.toFixed(3)}</span>
      </header>
      <p className={open ? 'full' : 'snippet'}>{shown}</p>
      {long && (
        <button className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : `Show all ${props.text.length} characters`}
        </button>
      )}
    </article>
  );
}
