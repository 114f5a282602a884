/** The command line the learner would type for a piece of evidence. */
import type { Command } from './types';

/** Resource names as typed: `kubectl get svc,endpointslices,pods -o wide`, `kubectl describe pod web-1`. */
export function commandLine(command: Command): string {
  switch (command.kind) {
    case 'get':
      return `kubectl get ${command.resources.join(',')}${command.wide ? ' -o wide' : ''}`;
    case 'describe':
      return `kubectl describe ${command.resource} ${command.name}`;
    case 'curl': {
      const curl = `curl -sS --connect-timeout ${command.connectTimeout ?? 5} ${command.url}`;
      return command.fromPod ? `kubectl exec ${command.fromPod} -- ${curl}` : curl;
    }
  }
}
