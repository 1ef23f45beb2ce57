import React, { useState } from 'react';
import { StandardEditorProps } from '@grafana/data';
import { Input } from '@grafana/ui';
import { parseNumberList } from '../data/numberList';

/** A comma-separated list of numbers; the text is kept while typing and parsed on blur. */
export function NumberListEditor({ value, onChange }: StandardEditorProps<number[]>) {
  const [text, setText] = useState((value ?? []).join(', '));
  return (
    <Input
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => onChange(parseNumberList(text))}
    />
  );
}
