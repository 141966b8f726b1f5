import { describe, expect, it } from 'vitest';
import { mustCreate, testPod, testWorld } from '../sim/testing';
import type { Deployment } from '../objects/workloads';
import type { World } from '../sim/world';
import { bindPod, out, setPodStatus, testCli } from './cliTesting';
import { execLine, helpText, simplifications } from '.';
import { networkTarget, parseUrl } from './kexec';

function running(
  world: World,
  name: string,
  containers = [{ name: 'app', image: 'app:1' }],
  labels: Record<string, string> = { app: 'web' },
) {
  mustCreate(world, 'pods', testPod(name, { containers }, labels));
  bindPod(world, name, 'ship-1');
  setPodStatus(world, name, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] });
}

describe('kubectl logs', () => {
  it('asks the context for the pod’s log, with -c and --previous', () => {
    const world = testWorld();
    const cli = testCli(world);
    running(world, 'web-1');
    expect(execLine(cli, 'kubectl logs web-1')).toEqual({
      ok: true,
      output: 'line 1\nline 2\nline 3',
    });
    expect(out(cli, 'kubectl logs web-1 -c app --previous --tail=2')).toBe('line 2\nline 3');
    expect(out(cli, 'kubectl logs -p pod/web-1')).toBe('line 1\nline 2\nline 3');
    expect(cli.logCalls).toEqual([
      { namespace: 'default', pod: 'web-1', container: undefined, previous: false },
      { namespace: 'default', pod: 'web-1', container: 'app', previous: true },
      { namespace: 'default', pod: 'web-1', container: undefined, previous: true },
    ]);
  });

  it('defaults to the first of several containers and says so; refuses an unknown container', () => {
    const world = testWorld();
    const cli = testCli(world);
    running(world, 'two', [
      { name: 'app', image: 'a' },
      { name: 'proxy', image: 'p' },
    ]);
    expect(out(cli, 'kubectl logs two')).toBe(
      'Defaulted container "app" out of: app, proxy\nline 1\nline 2\nline 3',
    );
    expect(cli.logCalls[0]!.container).toBe('app');
    expect(out(cli, 'kubectl logs two -c db')).toBe(
      'Error from server (BadRequest): container db is not valid for pod two',
    );
    expect(out(cli, 'kubectl logs ghost')).toBe(
      'Error from server (NotFound): pods "ghost" not found',
    );
  });

  it('logs deployment/NAME picks one of its pods, as kubectl does', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=app:1');
    running(world, 'web-b');
    running(world, 'web-a');
    expect(out(cli, 'kubectl logs deploy/web')).toBe(
      'Found 2 pods, using pod/web-a\nline 1\nline 2\nline 3',
    );
    expect(world.api.cached<Deployment>('deployments', 'default', 'web')).toBeDefined();
  });
});

describe('kubectl exec', () => {
  it('curl, wget and nc send one request through the context, to the host and port they name', () => {
    const world = testWorld();
    const cli = testCli(world);
    running(world, 'web-1');
    expect(execLine(cli, 'kubectl exec web-1 -- curl -s http://db:5432/health')).toEqual({
      ok: true,
      output: '<html>hello from db:5432</html>',
    });
    execLine(cli, 'kubectl exec -it web-1 -- curl web');
    execLine(cli, 'kubectl exec web-1 -c app -- wget -qO- https://api.shop.svc.cluster.local/');
    execLine(cli, 'kubectl exec web-1 -- nc -zv -w 2 10.96.0.20 6379');
    execLine(cli, 'kubectl exec web-1 -- sh -c "curl -m 3 cache:11211"');
    expect(cli.traffic).toEqual([
      { namespace: 'default', pod: 'web-1', host: 'db', port: 5432 },
      { namespace: 'default', pod: 'web-1', host: 'web', port: 80 },
      { namespace: 'default', pod: 'web-1', host: 'api.shop.svc.cluster.local', port: 443 },
      { namespace: 'default', pod: 'web-1', host: '10.96.0.20', port: 6379 },
      { namespace: 'default', pod: 'web-1', host: 'cache', port: 11211 },
    ]);
    cli.answers.traffic = {
      ok: false,
      output:
        "curl: (7) Failed to connect to db port 5432 after 1 ms: Couldn't connect to server\ncommand terminated with exit code 7",
    };
    expect(execLine(cli, 'kubectl exec web-1 -- curl db:5432').ok).toBe(false);
  });

  it('explains what it cannot run: other programs, interactive shells, the old form without --', () => {
    const world = testWorld();
    const cli = testCli(world);
    running(world, 'web-1');
    expect(out(cli, 'kubectl exec web-1 -- ls /')).toBe(
      'error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "ls": executable file not found in $PATH: unknown\nshipshape: containers here understand curl, wget and nc (e.g. kubectl exec POD -- curl http://web:80)',
    );
    expect(out(cli, 'kubectl exec -it web-1 -- sh')).toBe(
      'shipshape: interactive shells are not modelled here; run one command, e.g. kubectl exec POD -- curl http://web',
    );
    expect(out(cli, 'kubectl exec web-1 curl web')).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
    expect(out(cli, 'kubectl exec ghost -- curl web')).toBe(
      'Error from server (NotFound): pods "ghost" not found',
    );
    expect(cli.traffic).toEqual([]);
  });

  it('parses URL forms as curl does', () => {
    expect(parseUrl('http://web:8080/path?q=1')).toEqual({ host: 'web', port: 8080 });
    expect(parseUrl('web')).toEqual({ host: 'web', port: 80 });
    expect(parseUrl('https://web')).toEqual({ host: 'web', port: 443 });
    expect(parseUrl('10.96.0.1:443')).toEqual({ host: '10.96.0.1', port: 443 });
    expect(networkTarget(['nc', 'db'])).toMatchObject({
      problem: expect.stringMatching(/^usage: nc/),
    });
  });
});

describe('version, cluster-info, api-resources, rollout status', () => {
  it('version and cluster-info, up and down', () => {
    const world = testWorld();
    const cli = testCli(world);
    expect(out(cli, 'kubectl version')).toBe(
      'Client Version: v1.34.3\nKustomize Version: v5.7.1\nServer Version: v1.34.3',
    );
    expect(out(cli, 'kubectl cluster-info')).toBe(
      "Kubernetes control plane is running at https://172.18.0.2:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
    );
    world.api.stop();
    expect(execLine(cli, 'kubectl version')).toEqual({
      ok: false,
      output:
        'Client Version: v1.34.3\nKustomize Version: v5.7.1\nThe connection to the server 172.18.0.2:6443 was refused - did you specify the right host or port?',
    });
  });

  it('api-resources lists what this cluster serves, as kubectl prints it', () => {
    expect(out(testCli(), 'kubectl api-resources')).toBe(
      [
        'NAME             SHORTNAMES   APIVERSION               NAMESPACED   KIND',
        'events           ev           v1                       true         Event',
        'namespaces       ns           v1                       false        Namespace',
        'nodes            no           v1                       false        Node',
        'pods             po           v1                       true         Pod',
        'services         svc          v1                       true         Service',
        'deployments      deploy       apps/v1                  true         Deployment',
        'replicasets      rs           apps/v1                  true         ReplicaSet',
        'leases                        coordination.k8s.io/v1   true         Lease',
        'endpointslices                discovery.k8s.io/v1      true         EndpointSlice',
      ].join('\n'),
    );
  });

  it('rollout status prints where the rollout stands and streams each new line until it is done', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=app:1 --replicas=2');
    const setStatus = (status: Deployment['status']) => {
      const d = world.api.cached<Deployment>('deployments', 'default', 'web')!;
      world.api.request(
        {
          verb: 'update',
          resource: 'deployments',
          subresource: 'status',
          body: { ...d, status } as Deployment,
        },
        'kcm/deployment',
      );
    };
    setStatus({ observedGeneration: 1, replicas: 2, updatedReplicas: 1 });
    const result = execLine(cli, 'kubectl rollout status deployment/web');
    expect(result.output).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...',
    );
    setStatus({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1 });
    world.agenda.advance(10);
    setStatus({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    world.agenda.advance(10);
    expect(cli.streams[0]!.lines).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
      'deployment "web" successfully rolled out',
    ]);
    expect(out(cli, 'kubectl rollout status deploy web')).toBe(
      'deployment "web" successfully rolled out',
    );
    expect(out(cli, 'kubectl rollout undo deployment/web')).toBe(
      'shipshape: kubectl rollout undo is not supported here; rollout status is',
    );
  });
});

describe('the console', () => {
  it('help lists kubectl, etcdctl and the faults', () => {
    const text = helpText();
    expect(execLine(testCli(), 'help')).toEqual({ ok: true, output: text });
    for (const line of [
      'kubectl get TYPE',
      'kubectl apply -f -',
      'etcdctl put KEY VALUE',
      'etcdctl member list',
      'fault sink-ship SHIP',
    ]) {
      expect(text).toContain(line);
    }
  });

  it('an unknown program is named, with what the console runs; real kubectl commands it lacks are named as such', () => {
    const cli = testCli();
    expect(execLine(cli, 'docker ps')).toEqual({
      ok: false,
      output:
        'docker: command not found\nshipshape: this console runs kubectl, etcdctl, fault and help',
    });
    expect(out(cli, 'kubectl edit deploy web')).toMatch(
      /^shipshape: kubectl edit is a real command this console does not run\. Supported: get, describe/,
    );
    expect(out(cli, "kubectl get 'pods")).toBe(
      "bash: unexpected EOF while looking for matching `''",
    );
    expect(execLine(cli, '')).toEqual({ ok: true, output: '' });
  });

  it('k is kubectl; global flags may come before the subcommand; pipes filter the output', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create namespace shop');
    execLine(cli, 'k -n shop create deployment api --image=api:1');
    expect(world.api.cached('deployments', 'shop', 'api')).toBeDefined();
    // grep sees the aligned table, as in a terminal: the widths still count kube-node-lease.
    expect(out(cli, 'kubectl get ns | grep -v kube')).toBe(
      'NAME              STATUS   AGE\ndefault           Active   0s\nshop              Active   0s',
    );
    expect(out(cli, 'kubectl get ns -o name | grep -i KUBE | wc -l')).toBe('3');
    expect(out(cli, 'kubectl get ns -o name | head -n 1')).toBe('namespace/default');
    expect(
      out(cli, 'etcdctl get /registry/namespaces/shop --print-value-only | auger decode'),
    ).toMatch(/^shipshape: values here are already JSON/);
  });

  it('lists its simplifications with ids, components and text', () => {
    expect(simplifications.length).toBeGreaterThan(5);
    const ids = new Set(simplifications.map((s) => s.id));
    expect(ids.size).toBe(simplifications.length);
    for (const s of simplifications) {
      expect(s.id).toMatch(/^(kubectl|etcdctl|console)\./);
      expect(s.text.length).toBeGreaterThan(40);
    }
  });
});
