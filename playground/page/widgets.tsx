// What the stock renderer is extended with: a dropdown filled by the field's DDL, and an object
// template that folds `advanced` fields away.

import { getDefaultRegistry } from '@rjsf/core';
import type { ObjectFieldTemplateProps, WidgetProps } from '@rjsf/utils';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { PlaygroundOperation, Schema } from '../protocol.js';
import { runDdl } from './api.js';
import { lookupInput, type LookupOptions } from './forms.js';

/** What widgets need beyond their own props: the whole form's data (for dependent lookups) and the operations. */
export const FormContext = createContext<{ formData: unknown; operations: ReadonlyMap<string, PlaygroundOperation> }>({
  formData: undefined,
  operations: new Map(),
});

interface Choice {
  text: string;
  value: string | number | boolean;
}

interface Choices {
  loading: boolean;
  choices: Choice[];
  error?: string;
}

const searchDelayMs = 250;

export const LookupWidget = ({ id, value, onChange, options, disabled, readonly, label, required }: WidgetProps) => {
  const { lookup, parentPath } = options as unknown as LookupOptions;
  const { formData, operations } = useContext(FormContext);
  const takesSearch = Boolean(((operations.get(lookup.operation)?.input_schema.properties ?? {}) as Schema).search);
  const [search, setSearch] = useState('');
  const [settledSearch, setSettledSearch] = useState('');
  const [state, setState] = useState<Choices>({ loading: true, choices: [] });

  useEffect(() => {
    const timer = setTimeout(() => setSettledSearch(search), searchDelayMs);
    return () => clearTimeout(timer);
  }, [search]);

  const input = lookupInput({ lookup, parentPath }, formData, takesSearch ? settledSearch : '');
  const inputKey = JSON.stringify(input);
  const { search: _search, ...dependencies } = input;
  void _search;
  const dependencyKey = JSON.stringify(dependencies);

  // A field this one depends on changed (e.g. the cadence of a step): the old choice no longer applies.
  const previousDependencies = useRef(dependencyKey);
  useEffect(() => {
    if (previousDependencies.current === dependencyKey) return;
    previousDependencies.current = dependencyKey;
    if (value !== undefined) onChange(undefined);
  }, [dependencyKey, value, onChange]);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    runDdl({ operation: lookup.operation, input: JSON.parse(inputKey) as Record<string, unknown> }).then(
      (reply) => {
        if (!current) return;
        if (reply.error) setState({ loading: false, choices: [], error: reply.error.message });
        else setState({ loading: false, choices: (reply.output as { result: Choice[] }).result });
      },
      (error: Error) => current && setState({ loading: false, choices: [], error: `error: ${error.message}` }),
    );
    return () => {
      current = false;
    };
  }, [lookup.operation, inputKey]);

  const selected = state.choices.findIndex((choice) => String(choice.value) === String(value));
  const placeholder = state.loading ? 'Loading…' : state.choices.length ? `Choose ${label.toLowerCase()}…` : 'No choices';
  return (
    <div className="lookup" data-lookup={lookup.operation}>
      {takesSearch && (
        <input
          type="search"
          className="form-control lookup-search"
          aria-label={`Search ${label}`}
          placeholder="Search…"
          value={search}
          disabled={disabled || readonly}
          onChange={(event) => setSearch(event.target.value)}
        />
      )}
      <select
        id={id}
        className="form-control"
        required={required}
        disabled={disabled || readonly}
        aria-busy={state.loading}
        value={selected >= 0 ? String(selected) : value !== undefined ? 'current' : ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value === 'current' ? value : state.choices[Number(event.target.value)].value)}
      >
        <option value="">{placeholder}</option>
        {selected < 0 && value !== undefined && <option value="current">{String(value)}</option>}
        {state.choices.map((choice, index) => (
          <option key={`${index}-${String(choice.value)}`} value={String(index)} data-value={String(choice.value)}>
            {choice.text}
          </option>
        ))}
      </select>
      {state.error && <p className="lookup-error">Could not list the choices ({lookup.operation}): {state.error}</p>}
    </div>
  );
};

const StockObjectTemplate = getDefaultRegistry().templates.ObjectFieldTemplate;

/** The stock object template, with the `advanced` properties moved into a closed "Advanced" fold. */
export const FoldingObjectTemplate = (props: ObjectFieldTemplateProps) => {
  const schemaProperties = (props.schema.properties ?? {}) as Record<string, Schema>;
  const isAdvanced = (name: string) => schemaProperties[name]?.advanced === true;
  const advanced = props.properties.filter((property) => isAdvanced(property.name) && !property.hidden);
  if (!advanced.length) return <StockObjectTemplate {...props} />;
  const withErrors = advanced.some((property) => (props.errorSchema as Record<string, unknown> | undefined)?.[property.name]);
  const fold = {
    name: 'advanced',
    hidden: false,
    content: (
      <details key="advanced" className="advanced" open={withErrors || undefined}>
        <summary>Advanced ({advanced.length})</summary>
        {advanced.map((property) => property.content)}
      </details>
    ),
  };
  return <StockObjectTemplate {...props} properties={[...props.properties.filter((property) => !advanced.includes(property)), fold]} />;
};
