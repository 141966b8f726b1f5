import { describe, expect, it } from 'vitest';
import { testWorld } from '../sim/testing';
import type { Deployment } from '../objects/workloads';
import type { Service } from '../objects/cluster';
import type { World } from '../sim/world';
import { out, testCli } from './cliTesting';
import { applyManifest, execLine } from '.';
import { LAST_APPLIED, threeWayMerge } from './kapply';

const web = (replicas: number, image = 'nginx:1.27', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: ${replicas}
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
        image: ${image}
        ports:
        - containerPort: 80${extra}
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const deployment = (world: World) => world.api.cached<Deployment>('deployments', 'default', 'web');

describe('kubectl apply -f -', () => {
  it('creates, then configures, then finds nothing to change', () => {
    const world = testWorld();
    const cli = testCli(world);
    expect(execLine(cli, 'kubectl apply -f -', web(2))).toEqual({
      ok: true,
      output: 'deployment.apps/web created',
    });
    expect(deployment(world)!.spec.replicas).toBe(2);
    expect(applyManifest(cli, web(3))).toEqual({
      ok: true,
      output: 'deployment.apps/web configured',
    });
    expect(deployment(world)!.spec.replicas).toBe(3);
    const revision = world.ledger.revision();
    expect(applyManifest(cli, web(3))).toEqual({
      ok: true,
      output: 'deployment.apps/web unchanged',
    });
    expect(world.ledger.revision()).toBe(revision);
  });

  it('records the applied manifest in kubectl.kubernetes.io/last-applied-configuration, as kubectl writes it', () => {
    const world = testWorld();
    applyManifest(testCli(world), service);
    const svc = world.api.cached<Service>('services', 'default', 'web')!;
    expect(svc.metadata.annotations![LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":80}],"selector":{"app":"web"}}}\n',
    );
    // Defaults the server added are not part of the applied configuration.
    expect(svc.spec.clusterIP).toBeDefined();
  });

  it('drops status on create, as the API server does for kinds with a status subresource', () => {
    const world = testWorld();
    applyManifest(testCli(world), `${web(1)}status:\n  readyReplicas: 9\n`);
    expect(deployment(world)!.status).toEqual({});
  });

  it('applies several documents in order, creating a namespace before what lives in it', () => {
    const world = testWorld();
    const cli = testCli(world);
    const yaml = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n${web(1).replace('  name: web\n', '  name: web\n  namespace: shop\n')}---\n${service}`;
    expect(applyManifest(cli, yaml).output).toBe(
      'namespace/shop created\ndeployment.apps/web created\nservice/web created',
    );
    expect(world.api.cached('deployments', 'shop', 'web')).toBeDefined();
    expect(world.api.cached('services', 'default', 'web')).toBeDefined();
    expect(applyManifest(cli, yaml).output).toBe(
      'namespace/shop unchanged\ndeployment.apps/web unchanged\nservice/web unchanged',
    );
  });

  it('three-way merge: a field dropped from the manifest is removed; fields set by others are kept', () => {
    const world = testWorld();
    const cli = testCli(world);
    applyManifest(
      cli,
      web(2, 'nginx:1.27', '\n        env:\n        - name: MODE\n          value: demo'),
    );
    execLine(cli, 'kubectl label deployment web team=ships');
    expect(applyManifest(cli, web(2)).output).toBe('deployment.apps/web configured');
    const d = deployment(world)!;
    expect(d.spec.template.spec.containers[0]!.env).toBeUndefined();
    expect(d.metadata.labels).toEqual({ app: 'web', team: 'ships' });
    expect(d.spec.template.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent');
  });

  it('threeWayMerge merges containers by name and keeps server defaults', () => {
    const current = {
      spec: {
        containers: [
          { name: 'a', image: '1', imagePullPolicy: 'Always' },
          { name: 'sidecar', image: 's' },
        ],
      },
    };
    const original = { spec: { containers: [{ name: 'a', image: '1' }] } };
    const modified = { spec: { containers: [{ name: 'a', image: '2' }] } };
    expect(threeWayMerge(current, modified, original)).toEqual({
      spec: {
        containers: [
          { name: 'a', image: '2', imagePullPolicy: 'Always' },
          { name: 'sidecar', image: 's' },
        ],
      },
    });
  });

  it('warns when configuring an object that kubectl create made (no last-applied annotation)', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=nginx:1.27 --port=80');
    expect(applyManifest(cli, web(1)).output).toBe(
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\ndeployment.apps/web configured',
    );
  });
});

describe('kubectl apply: invalid input leaves the ledger untouched', () => {
  function check(yaml: string, expected: string) {
    const world = testWorld();
    const cli = testCli(world);
    const revision = world.ledger.revision();
    const result = applyManifest(cli, yaml);
    expect(result.ok).toBe(false);
    expect(result.output).toBe(expected);
    expect(world.ledger.revision()).toBe(revision);
  }
  const nothing =
    'shipshape: nothing was applied: every document is checked before any is written here';

  it('bad YAML names the line, the column and what is wrong', () => {
    check(
      `${service}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\n spec: {}\n`,
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 5, column 1: All mapping items must start at the same column',
    );
    check(
      'kind: [unclosed\n',
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('an invalid object anywhere in the set stops all of them, with the API server’s message', () => {
    const bad = web(1).replace('name: web\n  labels', 'name: Web\n  labels');
    check(
      `${service}---\n${bad}`,
      `The Deployment "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n${nothing}`,
    );
    check(
      web(-1),
      `The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n${nothing}`,
    );
    const mismatched = web(1).replace(
      '      labels:\n        app: web',
      '      labels:\n        app: api',
    );
    check(
      mismatched,
      `The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: \`selector\` does not match template \`labels\`\n${nothing}`,
    );
  });

  it('several causes print as kubectl’s bulleted list', () => {
    const yaml =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: Magic\n  ports:\n  - port: 99999\n';
    check(
      yaml,
      `The Service "db" is invalid: \n* spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n* spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive\n${nothing}`,
    );
  });

  it('missing apiVersion or kind, an unknown kind, and a typo in a field name', () => {
    check(
      'metadata:\n  name: x\n',
      `error: error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n${nothing}`,
    );
    check(
      'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n',
      `error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n${nothing}`,
    );
    check(
      web(1).replace('  replicas: 1', '  replica: 1'),
      `Error from server (BadRequest): error when applying "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n${nothing}`,
    );
    check(
      web(1).replace('image: nginx:1.27', 'imag: nginx:1.27'),
      `Error from server (BadRequest): error when applying "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imag"\n${nothing}`,
    );
  });

  it('a namespace that does not exist, and a namespace that disagrees with -n', () => {
    check(
      web(1).replace('  name: web\n', '  name: web\n  namespace: nowhere\n'),
      `Error from server (NotFound): error when creating "STDIN": namespaces "nowhere" not found\n${nothing}`,
    );
    const world = testWorld();
    expect(
      out(
        testCli(world),
        'kubectl apply -n default -f -',
        web(1).replace('  name: web\n', '  name: web\n  namespace: shop\n'),
      ),
    ).toBe(
      `error: the namespace from the provided object "shop" does not match the namespace "default". You must pass '--namespace=shop' to perform this operation.\n${nothing}`,
    );
  });

  it('with the bridge down the connection is refused and nothing is written', () => {
    const world = testWorld();
    world.api.stop();
    const revision = world.ledger.revision();
    expect(applyManifest(testCli(world), service)).toEqual({
      ok: false,
      output:
        'The connection to the server 172.18.0.2:6443 was refused - did you specify the right host or port?',
    });
    expect(world.ledger.revision()).toBe(revision);
  });
});

describe('kubectl apply/create -f: files and stdin', () => {
  it('create -f - creates and refuses what exists', () => {
    const world = testWorld();
    const cli = testCli(world);
    expect(out(cli, 'kubectl create -f -', service)).toBe('service/web created');
    expect(
      world.api.cached<Service>('services', 'default', 'web')!.metadata.annotations,
    ).toBeUndefined();
    expect(out(cli, 'kubectl create -f -', service)).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": services "web" already exists\nshipshape: nothing was applied: every document is checked before any is written here',
    );
  });

  it('a file path has no file system to read; no -f at all is kubectl’s usage error', () => {
    const cli = testCli();
    expect(out(cli, 'kubectl apply -f web.yaml')).toBe(
      'error: the path "web.yaml" does not exist\nshipshape: this console has no files: paste the YAML instead (kubectl apply -f - reads it)',
    );
    expect(out(cli, 'kubectl apply')).toBe(
      "error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples",
    );
    expect(out(cli, 'kubectl apply -f -')).toBe('error: no objects passed to apply');
  });
});
