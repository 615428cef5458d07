// The playground page: every operation grouped by resource with a search box; the chosen one's form
// drawn by @rjsf/core from the manifest; Run shows the request sent and the output or the error.

import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ManifestReply, PlaygroundOperation, RunReply } from '../protocol.js';
import { fetchManifest, runOperation } from './api.js';
import { errorSchemaOf, formSchemaOf, uiSchemaOf } from './forms.js';
import { FoldingObjectTemplate, FormContext, LookupWidget } from './widgets.js';
import './styles.css';

const widgets = { lookup: LookupWidget };
const templates = { ObjectFieldTemplate: FoldingObjectTemplate };

const json = (value: unknown): string => JSON.stringify(value, null, 2);

const kindLabel: Record<PlaygroundOperation['type'], string> = { main: '', ddl: 'dropdown', trigger: 'trigger' };

const groupLabel = (resource: string): string => {
  const words = resource.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const matches = (operation: PlaygroundOperation, query: string): boolean => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${operation.name} ${operation.title} ${operation.resource ?? ''}`.toLowerCase().replace(/_/g, ' ');
  return words.every((word) => text.includes(word) || operation.name.includes(word));
};

const OperationList = ({ operations, selected, query, onQuery }: { operations: PlaygroundOperation[]; selected?: string; query: string; onQuery: (query: string) => void }) => {
  const groups = useMemo(() => {
    const byResource = new Map<string, PlaygroundOperation[]>();
    for (const operation of operations.filter((candidate) => matches(candidate, query))) {
      const resource = operation.resource ?? 'other';
      byResource.set(resource, [...(byResource.get(resource) ?? []), operation]);
    }
    return [...byResource.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [operations, query]);
  return (
    <aside className="sidebar">
      <input type="search" className="operation-search" aria-label="Search operations" placeholder="Search operations…" value={query} onChange={(event) => onQuery(event.target.value)} />
      <nav aria-label="Operations">
        {groups.length === 0 && <p className="empty">No operation matches “{query}”.</p>}
        {groups.map(([resource, members]) => (
          <section key={resource} className="group">
            <h2>{groupLabel(resource)}</h2>
            <ul>
              {members.map((operation) => (
                <li key={operation.name}>
                  <a href={`#${operation.name}`} data-operation={operation.name} aria-current={operation.name === selected ? 'page' : undefined} title={operation.name}>
                    {operation.title}
                    {kindLabel[operation.type] && <span className="kind">{kindLabel[operation.type]}</span>}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
    </aside>
  );
};

const RunResult = ({ reply }: { reply: RunReply }) => (
  <section className="result" aria-label="Result">
    <h2>Request sent</h2>
    {reply.requests.length > 0 ? (
      reply.requests.map((request, index) => (
        <div className="request" key={index}>
          <p className="request-line">
            <span className="method">{request.method}</span> <code>{request.path}</code>
          </p>
          {Object.keys(request.query).length > 0 && (
            <>
              <h3>Query</h3>
              <pre className="request-query">{json(request.query)}</pre>
            </>
          )}
          {request.body !== undefined && request.body !== null && (
            <>
              <h3>Body</h3>
              <pre className="request-body">{json(request.body)}</pre>
            </>
          )}
          {request.authorization && <p className="request-auth">Authorization: {request.authorization}</p>}
        </div>
      ))
    ) : reply.log.length > 0 ? (
      <pre className="request-log">{reply.log.join('\n')}</pre>
    ) : (
      <p className="nothing-sent">Nothing was sent.</p>
    )}
    {reply.error ? (
      <>
        <h2>Error</h2>
        <pre className="run-error" role="alert">
          {reply.error.message}
        </pre>
      </>
    ) : (
      <>
        <h2>Output</h2>
        <pre className="output">{json(reply.output)}</pre>
      </>
    )}
  </section>
);

const OperationView = ({ operation, operations }: { operation: PlaygroundOperation; operations: ReadonlyMap<string, PlaygroundOperation> }) => {
  const schema = useMemo(() => formSchemaOf(operation.input_schema), [operation]);
  const uiSchema = useMemo(() => ({ ...uiSchemaOf(operation.input_schema), 'ui:submitButtonOptions': { submitText: 'Run' } }), [operation]);
  const [formData, setFormData] = useState<unknown>({});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const [reply, setReply] = useState<RunReply | undefined>();
  const [running, setRunning] = useState(false);
  const context = useMemo(() => ({ formData, operations }), [formData, operations]);

  const run = async (input: unknown) => {
    setRunning(true);
    try {
      const answer = await runOperation({ operation: operation.name, input: (input ?? {}) as Record<string, unknown> });
      setReply(answer);
      setExtraErrors(answer.error?.problems.length ? errorSchemaOf(answer.error.problems) : undefined);
    } catch (error) {
      setReply({ requests: [], log: [], error: { kind: 'playground', message: `error: ${(error as Error).message}`, problems: [] } });
    } finally {
      setRunning(false);
    }
  };

  return (
    <article className="operation">
      <header>
        <h1>{operation.title}</h1>
        <p className="operation-meta">
          <code>{operation.name}</code>
          {operation.method && operation.path && operation.path !== '*' && (
            <span>
              {' '}
              · {operation.method} <code>{operation.path}</code>
            </span>
          )}
        </p>
        <p className="operation-description">{operation.description}</p>
      </header>
      <FormContext.Provider value={context}>
        <Form
          schema={schema}
          uiSchema={uiSchema}
          validator={validator}
          widgets={widgets}
          templates={templates}
          formData={formData}
          onChange={(event) => setFormData(event.formData)}
          onSubmit={(event) => void run(event.formData)}
          extraErrors={extraErrors}
          showErrorList={false}
          noValidate
          noHtml5Validate
          disabled={running}
        />
      </FormContext.Provider>
      {reply && <RunResult reply={reply} />}
    </article>
  );
};

const App = () => {
  const [manifest, setManifest] = useState<ManifestReply | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [selected, setSelected] = useState(() => decodeURIComponent(location.hash.slice(1)));
  const [query, setQuery] = useState('');

  useEffect(() => {
    fetchManifest().then(setManifest, (error: Error) => setLoadError(error.message));
    const onHash = () => setSelected(decodeURIComponent(location.hash.slice(1)));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const operations = useMemo(() => new Map((manifest?.operations ?? []).map((operation) => [operation.name, operation])), [manifest]);
  if (loadError) return <p className="run-error" role="alert">Could not load the operations: {loadError}</p>;
  if (!manifest) return <p className="loading">Loading the operations…</p>;
  const operation = operations.get(selected);
  const { target } = manifest;
  return (
    <div className="layout">
      <header className="topbar">
        <span className="brand">SalesLoft connector playground</span>
        <span className={`target target-${target.kind}`}>
          {target.kind === 'sandbox' ? `Embedded sandbox (${target.baseUrl})` : `SalesLoft (${target.baseUrl}), with the server's token`}
        </span>
      </header>
      <OperationList operations={manifest.operations} selected={operation?.name} query={query} onQuery={setQuery} />
      <main className="content">
        {operation ? (
          <OperationView key={operation.name} operation={operation} operations={operations} />
        ) : (
          <div className="welcome">
            <h1>Pick an operation</h1>
            <p>
              {manifest.operations.length} operations and dropdowns, grouped by resource. Each form is drawn from the connector's manifest; its dropdowns are filled by running their
              DDL operations; Run sends the request {target.kind === 'sandbox' ? 'to the embedded sandbox' : 'to SalesLoft'} and shows what was sent and what came back.
            </p>
          </div>
        )}
      </main>
    </div>
  );
};

createRoot(document.getElementById('root')!).render(<App />);
