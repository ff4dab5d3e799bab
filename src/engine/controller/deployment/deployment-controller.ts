// Placeholder: replaced by the port of pkg/controller/deployment/deployment_controller.go.
import type { ControllerContext } from '../controller.ts';

export class DeploymentController {
  readonly name = 'deployment-controller';
  constructor(readonly ctx: ControllerContext) {}
  sync(_key: string): void {}
}
