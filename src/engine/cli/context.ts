import type { World } from '../sim/world';
import type { ExecResult, Fault } from '../sim/types';

/** A running `etcdctl watch` or `kubectl get -w`: lines appear as the cluster changes. */
export type ConsoleStream = {
  readonly id: number;
  write(line: string): void;
  /** Registers what to do when the user stops the stream (cancel the watch). */
  onClose(cleanup: () => void): void;
};

/** What the console's commands may use of the simulation. */
export interface CliContext {
  readonly world: World;
  /** Applies a fault, exactly as `Simulation.inject` does (the console's `fault …` commands). */
  inject(fault: Fault): ExecResult;
  /**
   * Sends one request from a pod to `host:port` (a Service name or ClusterIP) through the pod's
   * ship's kube-proxy rules: `kubectl exec web-… -- curl http://db:5432`.
   */
  sendTraffic(namespace: string, pod: string, host: string, port: number | undefined): ExecResult;
  /**
   * `kubectl logs`: the bridge asks the pod's captain (kubelet :10250) for the container's log.
   * `previous` asks for the last terminated instance (`--previous`).
   */
  logs(
    namespace: string,
    pod: string,
    container: string | undefined,
    previous: boolean,
  ): ExecResult;
  /** Opens a stream for a long-running command; its lines are read with `Simulation.streamOutput`. */
  openStream(command: string): ConsoleStream;
}
