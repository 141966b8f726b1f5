import { describe, expect, it } from 'vitest';
import { mustCreate, testNode, testPod, testWorld } from '../sim/testing';
import type { KObject } from '../objects/meta';
import type { Node, Service } from '../objects/cluster';
import type { Deployment, Pod } from '../objects/workloads';
import type { World } from '../sim/world';
import { bindPod, out, setPodStatus, testCli } from './cliTesting';
import { execLine } from '.';

const deployment = (world: World, name = 'web') =>
  world.api.cached<Deployment>('deployments', 'default', name);
const pod = (world: World, name: string, ns = 'default') => world.api.cached<Pod>('pods', ns, name);
const node = (world: World, name: string) => world.api.cached<Node>('nodes', undefined, name)!;

describe('kubectl create', () => {
  it('create deployment writes the Deployment kubectl would send and prints its name', () => {
    const world = testWorld();
    const cli = testCli(world);
    expect(
      execLine(cli, 'kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80'),
    ).toEqual({
      ok: true,
      output: 'deployment.apps/web created',
    });
    const d = deployment(world)!;
    expect(d.metadata.labels).toEqual({ app: 'web' });
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.template.spec.containers).toMatchObject([
      { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] },
    ]);
    expect(world.ledger.get('/registry/deployments/default/web')).toBeDefined();
  });

  it('wraps API errors as "error: failed to create deployment: …", exactly as kubectl does', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=nginx');
    expect(out(cli, 'kubectl create deployment web --image=nginx')).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists',
    );
    expect(out(cli, 'kubectl create deployment Web --image=nginx')).toBe(
      "error: failed to create deployment: Deployment.apps \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(out(cli, 'kubectl create deployment api')).toBe(
      'error: required flag(s) "image" not set',
    );
    expect(out(cli, 'kubectl create deployment api --image=x -n nowhere')).toBe(
      'error: failed to create deployment: namespaces "nowhere" not found',
    );
  });

  it('--dry-run=client -o yaml prints the generated manifest and writes nothing', () => {
    const world = testWorld();
    const cli = testCli(world);
    const revision = world.ledger.revision();
    expect(out(cli, 'kubectl create deployment web --image=nginx --dry-run=client -o yaml')).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx',
        '        name: nginx',
        '        resources: {}',
        'status: {}',
      ].join('\n'),
    );
    expect(world.ledger.revision()).toBe(revision);
  });

  it('create namespace; AlreadyExists and Invalid as kubectl prints API errors', () => {
    const world = testWorld();
    const cli = testCli(world);
    expect(out(cli, 'kubectl create namespace shop')).toBe('namespace/shop created');
    expect(world.api.cached('namespaces', undefined, 'shop')).toBeDefined();
    expect(out(cli, 'kubectl create ns shop')).toBe(
      'Error from server (AlreadyExists): namespaces "shop" already exists',
    );
    expect(out(cli, 'kubectl create namespace Shop')).toMatch(
      /^The Namespace "Shop" is invalid: metadata\.name: Invalid value: "Shop": a lowercase RFC 1123 label/,
    );
    expect(out(cli, 'kubectl create secret generic x')).toBe(
      'error: unknown command "secret" for "kubectl create"\nshipshape: kubectl create deployment, create namespace and create -f - are supported here',
    );
  });
});

describe('kubectl scale, set image, expose, label', () => {
  it('scale changes spec.replicas (TYPE NAME or TYPE/NAME)', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=nginx');
    expect(out(cli, 'kubectl scale deployment web --replicas=4')).toBe(
      'deployment.apps/web scaled',
    );
    expect(deployment(world)!.spec.replicas).toBe(4);
    expect(out(cli, 'kubectl scale deploy/web --replicas=0')).toBe('deployment.apps/web scaled');
    expect(deployment(world)!.spec.replicas).toBe(0);
    expect(out(cli, 'kubectl scale deployment web')).toBe(
      'error: required flag(s) "replicas" not set',
    );
    expect(out(cli, 'kubectl scale deployment web --replicas=-1')).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
    expect(out(cli, 'kubectl scale deployment api --replicas=2')).toBe(
      'Error from server (NotFound): deployments.apps "api" not found',
    );
  });

  it('set image updates the named container, or says it has none by that name', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=nginx:1.27');
    const generation = deployment(world)!.metadata.generation;
    expect(out(cli, 'kubectl set image deployment/web nginx=nginx:1.28')).toBe(
      'deployment.apps/web image updated',
    );
    expect(deployment(world)!.spec.template.spec.containers[0]!.image).toBe('nginx:1.28');
    expect(deployment(world)!.metadata.generation).toBe(generation! + 1);
    const revision = world.ledger.revision();
    expect(out(cli, 'kubectl set image deployment/web db=postgres:17')).toBe(
      'error: unable to find container named "db"',
    );
    expect(world.ledger.revision()).toBe(revision);
  });

  it('expose creates a ClusterIP Service selecting the deployment’s pods', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create deployment web --image=nginx --port=8080');
    expect(
      out(cli, 'kubectl expose deployment web --port=80 --target-port=8080 --name=frontend'),
    ).toBe('service/frontend exposed');
    const svc = world.api.cached<Service>('services', 'default', 'frontend')!;
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 8080 }]);
    expect(svc.spec.clusterIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
    // Without --port, the container's port is used.
    expect(out(cli, 'kubectl expose deploy web')).toBe('service/web exposed');
    expect(world.api.cached<Service>('services', 'default', 'web')!.spec.ports[0]!.port).toBe(8080);
    expect(out(cli, 'kubectl expose deploy web')).toBe(
      'Error from server (AlreadyExists): services "web" already exists',
    );
  });

  it('label adds, refuses to overwrite without --overwrite, and removes with key-', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    expect(out(cli, 'kubectl label nodes ship-1 disk=ssd')).toBe('node/ship-1 labeled');
    expect(node(world, 'ship-1').metadata.labels?.disk).toBe('ssd');
    expect(out(cli, 'kubectl label node ship-1 disk=hdd')).toBe(
      "error: 'disk' already has a value (ssd), and --overwrite is false",
    );
    expect(out(cli, 'kubectl label node/ship-1 disk=hdd --overwrite')).toBe('node/ship-1 labeled');
    expect(out(cli, 'kubectl label node ship-1 disk=hdd')).toBe('node/ship-1 not labeled');
    expect(out(cli, 'kubectl label node ship-1 disk-')).toBe('node/ship-1 unlabeled');
    expect(node(world, 'ship-1').metadata.labels?.disk).toBeUndefined();
  });
});

describe('kubectl taint, cordon, uncordon', () => {
  it('taint adds key=value:Effect and removes key:Effect- or key-', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    expect(out(cli, 'kubectl taint nodes ship-1 dedicated=gpu:NoSchedule')).toBe(
      'node/ship-1 tainted',
    );
    expect(node(world, 'ship-1').spec.taints).toContainEqual({
      key: 'dedicated',
      value: 'gpu',
      effect: 'NoSchedule',
    });
    expect(out(cli, 'kubectl taint nodes ship-1 dedicated=cpu:NoSchedule')).toBe(
      'error: node ship-1 already has dedicated taint(s) with same effect(s) and --overwrite is false',
    );
    expect(out(cli, 'kubectl taint nodes ship-1 dedicated:NoSchedule-')).toBe(
      'node/ship-1 untainted',
    );
    expect(node(world, 'ship-1').spec.taints?.some((t) => t.key === 'dedicated')).toBe(false);
    expect(out(cli, 'kubectl taint nodes ship-1 dedicated:NoSchedule-')).toBe(
      'error: taint "dedicated:NoSchedule" not found',
    );
    expect(out(cli, 'kubectl taint nodes ship-1 a=b:Sometimes')).toBe(
      'error: invalid taint effect: Sometimes, unsupported taint effect',
    );
    expect(out(cli, 'kubectl taint node ship-1 node.kubernetes.io/not-ready-')).toBe(
      'node/ship-1 untainted',
    );
    expect(node(world, 'ship-1').spec.taints).toEqual([]);
  });

  it('cordon and uncordon set spec.unschedulable, and say when nothing changes', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    expect(out(cli, 'kubectl cordon ship-1')).toBe('node/ship-1 cordoned');
    expect(node(world, 'ship-1').spec.unschedulable).toBe(true);
    const revision = world.ledger.revision();
    expect(out(cli, 'kubectl cordon ship-1')).toBe('node/ship-1 already cordoned');
    expect(world.ledger.revision()).toBe(revision);
    expect(out(cli, 'kubectl uncordon ship-1')).toBe('node/ship-1 uncordoned');
    expect(node(world, 'ship-1').spec.unschedulable).toBeUndefined();
    expect(out(cli, 'kubectl uncordon ship-1')).toBe('node/ship-1 already uncordoned');
    expect(out(cli, 'kubectl cordon ship-9')).toBe(
      'Error from server (NotFound): nodes "ship-9" not found',
    );
  });
});

describe('kubectl delete', () => {
  function running(world: World, name: string, owner?: KObject) {
    const p = testPod(name);
    if (owner) {
      p.metadata.ownerReferences = [
        {
          apiVersion: 'apps/v1',
          kind: owner.kind,
          name: owner.metadata.name,
          uid: owner.metadata.uid,
          controller: true,
        },
      ];
    }
    mustCreate(world, 'pods', p);
    bindPod(world, name, 'ship-1');
    setPodStatus(world, name, { phase: 'Running' });
  }

  it('a bound pod is deleted gracefully: "pod "x" deleted", and it shows Terminating', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    running(world, 'web-1');
    expect(execLine(cli, 'kubectl delete pod web-1')).toEqual({
      ok: true,
      output: 'pod "web-1" deleted',
    });
    expect(pod(world, 'web-1')!.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(out(cli, 'kubectl get pod web-1').split('\n')[1]).toMatch(/^web-1 +0\/1 +Terminating/);
  });

  it('--grace-period and --force: force deletion removes the object at once, with kubectl’s warning', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    running(world, 'a');
    running(world, 'b');
    expect(out(cli, 'kubectl delete pod a --grace-period=5')).toBe('pod "a" deleted');
    expect(pod(world, 'a')!.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(out(cli, 'kubectl delete pod b --grace-period=0 --force')).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "b" force deleted',
    );
    expect(pod(world, 'b')).toBeUndefined();
  });

  it('deletes deployments, services, nodes; by TYPE/NAME and by label; and names what is missing', () => {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    execLine(cli, 'kubectl create deployment web --image=nginx --port=80');
    execLine(cli, 'kubectl expose deployment web');
    expect(out(cli, 'kubectl delete deployment web')).toBe('deployment.apps "web" deleted');
    expect(out(cli, 'kubectl delete svc/web node/ship-1')).toBe(
      'service "web" deleted\nnode "ship-1" deleted',
    );
    expect(deployment(world)).toBeUndefined();
    expect(world.api.cached('nodes', undefined, 'ship-1')).toBeUndefined();
    mustCreate(world, 'pods', testPod('x', {}, { tier: 'cache' }));
    mustCreate(world, 'pods', testPod('y', {}, { tier: 'cache' }));
    expect(out(cli, 'kubectl delete pods -l tier=cache')).toBe('pod "x" deleted\npod "y" deleted');
    const missing = execLine(cli, 'kubectl delete pod ghost');
    expect(missing).toEqual({
      ok: false,
      output: 'Error from server (NotFound): pods "ghost" not found',
    });
    expect(out(cli, 'kubectl delete pods')).toBe(
      'error: resource(s) were provided, but no name was specified',
    );
  });

  it('deletes a namespace with its contents, and refuses the system namespaces as the API server does', () => {
    const world = testWorld();
    const cli = testCli(world);
    execLine(cli, 'kubectl create namespace shop');
    execLine(cli, 'kubectl create deployment api --image=api -n shop');
    mustCreate(world, 'pods', {
      ...testPod('cart'),
      metadata: { ...testPod('cart').metadata, namespace: 'shop' },
    });
    expect(out(cli, 'kubectl delete namespace shop')).toBe('namespace "shop" deleted');
    expect(world.api.cached('namespaces', undefined, 'shop')).toBeUndefined();
    expect(world.ledger.range('/registry/deployments/shop/')).toEqual([]);
    expect(world.ledger.range('/registry/pods/shop/')).toEqual([]);
    expect(out(cli, 'kubectl delete ns default')).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    );
  });
});

describe('kubectl drain', () => {
  function setup() {
    const world = testWorld();
    const cli = testCli(world);
    mustCreate(world, 'nodes', testNode('ship-1'));
    const owner = { kind: 'ReplicaSet', metadata: { name: 'web-7d', uid: 'rs-uid' } } as KObject;
    for (const name of ['web-7d-a', 'web-7d-b']) {
      const p = testPod(name);
      p.metadata.ownerReferences = [
        {
          apiVersion: 'apps/v1',
          kind: owner.kind,
          name: owner.metadata.name,
          uid: owner.metadata.uid,
          controller: true,
        },
      ];
      mustCreate(world, 'pods', p);
      bindPod(world, name, 'ship-1');
      setPodStatus(world, name, { phase: 'Running' });
    }
    return { world, cli };
  }

  it('cordons, evicts the pods and reports the node drained, as kubectl prints it', () => {
    const { world, cli } = setup();
    expect(execLine(cli, 'kubectl drain ship-1')).toEqual({
      ok: true,
      output: [
        'node/ship-1 cordoned',
        'evicting pod default/web-7d-a',
        'evicting pod default/web-7d-b',
        'pod/web-7d-a evicted',
        'pod/web-7d-b evicted',
        'node/ship-1 drained',
      ].join('\n'),
    });
    expect(node(world, 'ship-1').spec.unschedulable).toBe(true);
    expect(pod(world, 'web-7d-a')!.metadata.deletionTimestamp).toBeDefined();
    expect(out(cli, 'kubectl get nodes').split('\n')[1]).toMatch(
      /^ship-1 +Ready,SchedulingDisabled/,
    );
  });

  it('refuses pods without a controller unless --force, and DaemonSet pods unless --ignore-daemonsets', () => {
    const { world, cli } = setup();
    mustCreate(world, 'pods', testPod('bare'));
    bindPod(world, 'bare', 'ship-1');
    const daemon = testPod('kube-proxy-x');
    daemon.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'ds', controller: true },
    ];
    mustCreate(world, 'pods', daemon);
    bindPod(world, 'kube-proxy-x', 'ship-1');
    const refused = execLine(cli, 'kubectl drain ship-1');
    expect(refused).toEqual({
      ok: false,
      output: [
        'node/ship-1 cordoned',
        'error: unable to drain node "ship-1" due to error: [cannot delete Pods declare no controller (use --force to override): default/bare, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/kube-proxy-x], continuing command...',
        'There are pending nodes to be drained:',
        ' ship-1',
        'cannot delete Pods declare no controller (use --force to override): default/bare',
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/kube-proxy-x',
      ].join('\n'),
    });
    expect(pod(world, 'web-7d-a')!.metadata.deletionTimestamp).toBeUndefined();
    expect(
      out(cli, 'kubectl drain ship-1 --force --ignore-daemonsets').split('\n').slice(0, 3),
    ).toEqual([
      'node/ship-1 already cordoned',
      'Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/kube-proxy-x',
      'evicting pod default/bare',
    ]);
    expect(pod(world, 'kube-proxy-x')!.metadata.deletionTimestamp).toBeUndefined();
  });
});
