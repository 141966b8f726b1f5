import { useId, useState } from 'react';
import { keepKeysLocal } from './keys';
import { useConsole } from './appConsole';

/** A Deployment to start from: three nginx containers with modest requests. */
export const EXAMPLE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources:
            requests:
              cpu: 250m
              memory: 128Mi
`;

/** Paste a manifest and apply it: `kubectl apply -f -` with the YAML as stdin. */
export function YamlPaste() {
  const id = useId();
  const [yaml, setYaml] = useState('');
  const apply = () => {
    if (yaml.trim() !== '') useConsole.getState().applyYaml(yaml);
  };
  return (
    <div className="ss-console-yaml" id={`${id}-area`}>
      <label htmlFor={id}>Manifest YAML</label>
      <textarea
        id={id}
        value={yaml}
        rows={9}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder={'apiVersion: apps/v1\nkind: Deployment\n…'}
        onChange={(e) => setYaml(e.target.value)}
        onKeyDown={(e) => {
          keepKeysLocal(e);
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply();
          }
        }}
        onKeyUp={keepKeysLocal}
      />
      <div className="ss-console-yaml-actions">
        <button type="button" onClick={apply} disabled={yaml.trim() === ''}>
          Apply
        </button>
        <button type="button" onClick={() => setYaml(EXAMPLE_DEPLOYMENT)}>
          Insert example
        </button>
        <span className="ss-console-hint">
          Runs <code>kubectl apply -f -</code> with this YAML (Ctrl+Enter).
        </span>
      </div>
    </div>
  );
}
