import { describe, expect, it } from 'vitest';
import { mustCreate, testNode, testPod, testWorld } from '../sim/testing';
import { rfc3339 } from '../time/format';
import type { KObject } from '../objects/meta';
import type { EndpointSlice, KEvent, Lease, Node, Service } from '../objects/cluster';
import type { Deployment, ReplicaSet } from '../objects/workloads';
import type { World } from '../sim/world';
import { bindPod, out, setPodStatus, testCli } from './cliTesting';
import { execLine } from '.';
import { since } from './timefmt';

function node(name: string, ip: string, control = false): Node {
  const n = testNode(
    name,
    control ? { labels: { 'node-role.kubernetes.io/control-plane': '' } } : {},
  );
  return {
    ...n,
    status: {
      ...n.status,
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-88-generic',
        kubeletVersion: 'v1.34.1',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.3 LTS',
      },
    },
  };
}

function updateStatus(
  world: World,
  resource: 'deployments' | 'replicasets',
  name: string,
  status: object,
) {
  const obj = world.api.cached<Deployment>(resource, 'default', name)!;
  const r = world.api.request(
    { verb: 'update', resource, subresource: 'status', body: { ...obj, status } as KObject },
    'kcm/deployment',
  );
  if (!r.ok) throw new Error(r.error.message);
}

/** A small cluster: two nodes, a deployment with its ReplicaSet and pods, a Service and its slice. */
function harbor() {
  const world = testWorld();
  const cli = testCli(world);
  mustCreate(world, 'nodes', node('control-plane', '172.18.0.2', true));
  mustCreate(world, 'nodes', node('ship-1', '172.18.0.3'));
  world.agenda.advance(60_000);
  execLine(cli, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  updateStatus(world, 'deployments', 'web', {
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 1,
    availableReplicas: 1,
  });
  const template = world.api.cached<Deployment>('deployments', 'default', 'web')!.spec.template;
  mustCreate<ReplicaSet>(world, 'replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-7d4b9c',
      namespace: 'default',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
    } as unknown as ReplicaSet['metadata'],
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c' } },
      template: {
        ...template,
        metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c' } },
      },
    },
    status: { replicas: 0 },
  });
  updateStatus(world, 'replicasets', 'web-7d4b9c', { replicas: 2, readyReplicas: 1 });
  for (const [name, ip, ready] of [
    ['web-7d4b9c-abcde', '10.244.1.5', true],
    ['web-7d4b9c-fghij', '10.244.1.6', false],
  ] as const) {
    mustCreate(
      world,
      'pods',
      testPod(
        name,
        { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        { app: 'web', 'pod-template-hash': '7d4b9c' },
      ),
    );
    bindPod(world, name, 'ship-1');
    setPodStatus(world, name, {
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      hostIP: '172.18.0.3',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [
        {
          name: 'nginx',
          state: ready
            ? { running: { startedAt: rfc3339(61_000) } }
            : { waiting: { reason: 'ContainerCreating' } },
          lastState: {},
          ready,
          restartCount: 0,
          image: 'nginx:1.27',
          imageID: '',
        },
      ],
    });
  }
  mustCreate<Service>(world, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'web',
      namespace: 'default',
      labels: { app: 'web' },
    } as unknown as Service['metadata'],
    spec: {
      clusterIP: '10.96.0.20',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080 }],
    },
    status: {},
  });
  mustCreate<EndpointSlice>(world, 'endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'web-x7k2p',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'web' },
    } as unknown as EndpointSlice['metadata'],
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['10.244.1.5'], conditions: { ready: true }, nodeName: 'ship-1' },
      { addresses: ['10.244.1.6'], conditions: { ready: false }, nodeName: 'ship-1' },
    ],
    ports: [{ name: '', port: 8080, protocol: 'TCP' }],
  });
  world.agenda.advance(200_000);
  return { world, cli };
}

describe('kubectl get: tables', () => {
  it('pods: NAME READY STATUS RESTARTS AGE, aligned as kubectl aligns them', () => {
    const { cli } = harbor();
    expect(out(cli, 'kubectl get pods')).toBe(
      [
        'NAME               READY   STATUS              RESTARTS   AGE',
        'web-7d4b9c-abcde   1/1     Running             0          3m20s',
        'web-7d4b9c-fghij   0/1     ContainerCreating   0          3m20s',
      ].join('\n'),
    );
  });

  it('pods -o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const { cli } = harbor();
    expect(out(cli, 'kubectl get po -o wide')).toBe(
      [
        'NAME               READY   STATUS              RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES',
        'web-7d4b9c-abcde   1/1     Running             0          3m20s   10.244.1.5   ship-1   <none>           <none>',
        'web-7d4b9c-fghij   0/1     ContainerCreating   0          3m20s   10.244.1.6   ship-1   <none>           <none>',
      ].join('\n'),
    );
  });

  it('nodes: STATUS with SchedulingDisabled, ROLES, VERSION; -o wide adds addresses and system info', () => {
    const { cli } = harbor();
    execLine(cli, 'kubectl cordon ship-1');
    expect(out(cli, 'kubectl get nodes')).toBe(
      [
        'NAME            STATUS                     ROLES           AGE     VERSION',
        'control-plane   Ready                      control-plane   4m20s   v1.34.1',
        'ship-1          Ready,SchedulingDisabled   <none>          4m20s   v1.34.1',
      ].join('\n'),
    );
    expect(out(cli, 'kubectl get no ship-1 -o wide')).toBe(
      [
        'NAME     STATUS                     ROLES    AGE     VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME',
        'ship-1   Ready,SchedulingDisabled   <none>   4m20s   v1.34.1   172.18.0.3    <none>        Ubuntu 24.04.3 LTS   6.8.0-88-generic   containerd://2.1.4',
      ].join('\n'),
    );
  });

  it('nodes: NotReady when Ready is False or Unknown', () => {
    const world = testWorld();
    const n = testNode('ship-9');
    mustCreate(world, 'nodes', {
      ...n,
      status: { ...n.status, conditions: [{ type: 'Ready', status: 'Unknown' }] },
    });
    expect(out(testCli(world), 'kubectl get nodes')).toBe(
      'NAME     STATUS     ROLES    AGE   VERSION\nship-9   NotReady   <none>   0s    ',
    );
  });

  it('deployments and replicasets: READY UP-TO-DATE AVAILABLE, DESIRED CURRENT READY; wide shows containers, images, selector', () => {
    const { cli } = harbor();
    expect(out(cli, 'kubectl get deploy')).toBe(
      [
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'web    1/2     2            1           3m20s',
      ].join('\n'),
    );
    expect(out(cli, 'kubectl get deployments.apps -o wide')).toBe(
      [
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE     CONTAINERS   IMAGES       SELECTOR',
        'web    1/2     2            1           3m20s   nginx        nginx:1.27   app=web',
      ].join('\n'),
    );
    expect(out(cli, 'kubectl get rs -o wide')).toBe(
      [
        'NAME         DESIRED   CURRENT   READY   AGE     CONTAINERS   IMAGES       SELECTOR',
        'web-7d4b9c   2         2         1       3m20s   nginx        nginx:1.27   app=web,pod-template-hash=7d4b9c',
      ].join('\n'),
    );
  });

  it('services, endpointslices, namespaces, leases', () => {
    const { world, cli } = harbor();
    expect(out(cli, 'kubectl get svc -o wide')).toBe(
      [
        'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE     SELECTOR',
        'web    ClusterIP   10.96.0.20   <none>        80/TCP    3m20s   app=web',
      ].join('\n'),
    );
    expect(out(cli, 'kubectl get endpointslices')).toBe(
      [
        'NAME        ADDRESSTYPE   PORTS   ENDPOINTS               AGE',
        'web-x7k2p   IPv4          8080    10.244.1.5,10.244.1.6   3m20s',
      ].join('\n'),
    );
    expect(out(cli, 'kubectl get ns')).toBe(
      [
        'NAME              STATUS   AGE',
        'default           Active   4m20s',
        'kube-node-lease   Active   4m20s',
        'kube-public       Active   4m20s',
        'kube-system       Active   4m20s',
      ].join('\n'),
    );
    mustCreate<Lease>(world, 'leases', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'ship-1', namespace: 'kube-node-lease' } as unknown as Lease['metadata'],
      spec: { holderIdentity: 'ship-1', leaseDurationSeconds: 40 },
    });
    expect(out(cli, 'kubectl get leases -n kube-node-lease')).toBe(
      'NAME     HOLDER   AGE\nship-1   ship-1   0s',
    );
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE, in the API’s order (by name)', () => {
    const world = testWorld();
    const cli = testCli(world);
    const event = (
      name: string,
      object: string,
      reason: string,
      message: string,
      first: number,
      last: number,
      count: number,
    ): KEvent => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' } as unknown as KEvent['metadata'],
      involvedObject: { kind: 'Pod', namespace: 'default', name: object },
      reason,
      message,
      type: reason === 'BackOff' ? 'Warning' : 'Normal',
      source: { component: 'kubelet', host: 'ship-1' },
      firstTimestamp: rfc3339(first),
      lastTimestamp: rfc3339(last),
      count,
    });
    mustCreate(
      world,
      'events',
      event(
        'web-b.1',
        'web-b',
        'Scheduled',
        'Successfully assigned default/web-b to ship-1',
        0,
        0,
        1,
      ),
    );
    mustCreate(
      world,
      'events',
      event(
        'web-a.2',
        'web-a',
        'BackOff',
        'Back-off restarting failed container nginx in pod web-a_default(1)',
        10_000,
        170_000,
        7,
      ),
    );
    world.agenda.advance(180_000);
    expect(out(cli, 'kubectl get events')).toBe(
      [
        'LAST SEEN   TYPE      REASON      OBJECT      MESSAGE',
        '10s         Warning   BackOff     pod/web-a   Back-off restarting failed container nginx in pod web-a_default(1)',
        '3m          Normal    Scheduled   pod/web-b   Successfully assigned default/web-b to ship-1',
      ].join('\n'),
    );
    expect(out(cli, 'kubectl get events --sort-by=.lastTimestamp -o name')).toBe(
      'event/web-b.1\nevent/web-a.2',
    );
    expect(out(cli, "kubectl get events --sort-by='{.count}' -o name")).toBe(
      'event/web-b.1\nevent/web-a.2',
    );
    expect(out(cli, 'kubectl get ev -o wide').split('\n')[0]).toBe(
      'LAST SEEN   TYPE      REASON      OBJECT      SUBOBJECT   SOURCE            MESSAGE                                                              FIRST SEEN   COUNT   NAME',
    );
    expect(out(cli, 'kubectl get ev -o wide').split('\n')[1]).toBe(
      '10s         Warning   BackOff     pod/web-a               kubelet, ship-1   Back-off restarting failed container nginx in pod web-a_default(1)   2m50s        7       web-a.2',
    );
  });

  it('AGE follows kubectl’s humanDuration: seconds, minutes and seconds, minutes', () => {
    const world = testWorld();
    const cli = testCli(world);
    const ages: [number, string][] = [
      [45_000, '45s'],
      [119_000, '119s'],
      [200_000, '3m20s'],
      [1_500_000, '25m'],
    ];
    let elapsed = 0;
    for (const [ms, text] of ages) {
      world.agenda.advance(ms - elapsed);
      elapsed = ms;
      expect(out(cli, 'kubectl get ns default').split('\n')[1]).toBe(`default   Active   ${text}`);
    }
  });

  it('AGE of long-lived objects: hours and minutes, hours, days and hours, days, years', () => {
    const cases: [number, string][] = [
      [3 * 3_600_000 + 300_000, '3h5m'],
      [30 * 3_600_000, '30h'],
      [3 * 86_400_000 + 2 * 3_600_000, '3d2h'],
      [40 * 86_400_000, '40d'],
      [3 * 365 * 86_400_000 + 10 * 86_400_000, '3y10d'],
    ];
    for (const [ms, text] of cases) expect(since(rfc3339(0), ms)).toBe(text);
    expect(since(undefined, 0)).toBe('<unknown>');
  });
});

describe('kubectl get: selection and output formats', () => {
  it('several kinds print one table each, names with their kind, a blank line between', () => {
    const { cli } = harbor();
    expect(out(cli, 'kubectl get deploy,svc')).toBe(
      [
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   1/2     2            1           3m20s',
        '',
        'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/web   ClusterIP   10.96.0.20   <none>        80/TCP    3m20s',
      ].join('\n'),
    );
    const all = out(cli, 'kubectl get all');
    expect(all.split('\n\n').map((t) => t.split('\n')[1]!.split(' ')[0])).toEqual([
      'pod/web-7d4b9c-abcde',
      'service/web',
      'deployment.apps/web',
      'replicaset.apps/web-7d4b9c',
    ]);
  });

  it('-A adds NAMESPACE; --show-labels adds LABELS; -l filters by label', () => {
    const { cli } = harbor();
    expect(out(cli, 'kubectl get deploy -A --show-labels')).toBe(
      [
        'NAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE     LABELS',
        'default     web    1/2     2            1           3m20s   app=web',
      ].join('\n'),
    );
    expect(out(cli, "kubectl get pods -l 'app in (web),pod-template-hash=7d4b9c' -o name")).toBe(
      'pod/web-7d4b9c-abcde\npod/web-7d4b9c-fghij',
    );
    expect(out(cli, 'kubectl get pods -l app=db')).toBe('No resources found in default namespace.');
  });

  it('--field-selector filters on the fields the API server indexes, and refuses others as it does', () => {
    const { cli } = harbor();
    expect(
      out(
        cli,
        'kubectl get pods --field-selector spec.nodeName=ship-1,metadata.name=web-7d4b9c-fghij -o name',
      ),
    ).toBe('pod/web-7d4b9c-fghij');
    expect(out(cli, 'kubectl get pods --field-selector status.phase!=Running')).toBe(
      'No resources found in default namespace.',
    );
    expect(out(cli, 'kubectl get pods --field-selector spec.image=x')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.image=x": field label not supported: spec.image',
    );
  });

  it('-o name, -o yaml (sorted keys, YAML 1.1 quoting) and -o json (List for several objects)', () => {
    const { cli } = harbor();
    expect(out(cli, 'kubectl get deploy,svc -o name')).toBe('deployment.apps/web\nservice/web');
    const yaml = out(cli, 'kubectl get ns default -o yaml');
    expect(yaml).toBe(
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  creationTimestamp: "2026-01-05T09:00:00Z"',
        '  name: default',
        '  resourceVersion: "2"',
        `  uid: ${/uid: (\S+)/.exec(yaml)![1]}`,
        'spec:',
        '  finalizers:',
        '  - kubernetes',
        'status:',
        '  phase: Active',
      ].join('\n'),
    );
    const list = JSON.parse(out(cli, 'kubectl get svc,deploy -o json')) as {
      kind: string;
      items: KObject[];
      metadata: object;
    };
    expect(list.kind).toBe('List');
    expect(list.metadata).toEqual({ resourceVersion: '' });
    expect(list.items.map((i) => `${i.kind}/${i.metadata.name}`)).toEqual([
      'Service/web',
      'Deployment/web',
    ]);
    expect(out(cli, 'kubectl get svc web -o json').split('\n').slice(0, 3)).toEqual([
      '{',
      '    "apiVersion": "v1",',
      '    "kind": "Service",',
    ]);
  });

  it('an empty namespace, an empty cluster-wide list, and -A say "No resources found" as kubectl does', () => {
    const cli = testCli();
    expect(out(cli, 'kubectl get pods')).toBe('No resources found in default namespace.');
    expect(out(cli, 'kubectl get pods -n kube-system')).toBe(
      'No resources found in kube-system namespace.',
    );
    expect(out(cli, 'kubectl get pods -A')).toBe('No resources found');
    expect(out(cli, 'kubectl get nodes')).toBe('No resources found');
  });

  it('rejects unknown output formats and names the supported ones', () => {
    const { cli } = harbor();
    expect(out(cli, 'kubectl get pods -o foo')).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    );
    expect(out(cli, "kubectl get pods -o jsonpath='{.items}'")).toMatch(
      /^shipshape: -o jsonpath is not supported here/,
    );
  });
});

describe('kubectl get: errors', () => {
  it('names a missing object, an unknown resource type and an unknown command in kubectl’s words', () => {
    const { cli } = harbor();
    const missing = execLine(cli, 'kubectl get pod web-x');
    expect(missing).toEqual({
      ok: false,
      output: 'Error from server (NotFound): pods "web-x" not found',
    });
    expect(out(cli, 'kubectl get deploy/api')).toBe(
      'Error from server (NotFound): deployments.apps "api" not found',
    );
    expect(out(cli, 'kubectl get foo')).toBe(
      'error: the server doesn\'t have a resource type "foo"',
    );
    expect(out(cli, 'kubectl frobnicate pods')).toBe(
      'error: unknown command "frobnicate" for "kubectl"\nshipshape: supported here: get, describe, create, apply, scale, delete, set, expose, label, taint, cordon, uncordon, drain, logs, exec, rollout, version, cluster-info, api-resources',
    );
    expect(out(cli, 'kubectl get pods --bogus')).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.",
    );
  });

  it('prints the found objects and the errors for the missing ones', () => {
    const { cli } = harbor();
    const result = execLine(cli, 'kubectl get deploy web api');
    expect(result.ok).toBe(false);
    expect(result.output).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1/2     2            1           3m20s\nError from server (NotFound): deployments.apps "api" not found',
    );
  });

  it('with the bridge down: the connection is refused; without an etcd quorum: the request times out', () => {
    const { world, cli } = harbor();
    world.api.stop();
    expect(execLine(cli, 'kubectl get pods')).toEqual({
      ok: false,
      output:
        'The connection to the server 172.18.0.2:6443 was refused - did you specify the right host or port?',
    });
    world.api.start();
    const three = testWorld({ etcdMembers: 3 });
    three.agenda.advance(2_000);
    three.etcd.stop('etcd-1');
    three.etcd.stop('etcd-2');
    three.agenda.advance(5_000);
    expect(out(testCli(three), 'kubectl get pods')).toBe(
      'Error from server: etcdserver: request timed out',
    );
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then one row per change in a stream aligned with it', () => {
    const { world, cli } = harbor();
    const result = execLine(cli, 'kubectl get deploy -w');
    expect(result.output).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1/2     2            1           3m20s',
    );
    const stream = cli.streams.find((s) => s.id === result.stream)!;
    expect(stream.command).toBe('kubectl get deploy -w');
    updateStatus(world, 'deployments', 'web', {
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    world.agenda.advance(1_000);
    expect(stream.lines).toEqual(['web    2/2     2            2           3m20s']);
    stream.close();
    updateStatus(world, 'deployments', 'web', {
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
    });
    world.agenda.advance(1_000);
    expect(stream.lines).toHaveLength(1);
  });

  it('starts from nothing: the header comes with the first row', () => {
    const world = testWorld();
    const cli = testCli(world);
    const result = execLine(cli, 'kubectl get pods --watch');
    expect(result.output).toBe('');
    mustCreate(world, 'pods', testPod('solo'));
    world.agenda.advance(10);
    expect(cli.streams[0]!.lines).toEqual([
      'NAME   READY   STATUS    RESTARTS   AGE',
      'solo   0/1     Pending   0          0s',
    ]);
  });
});
