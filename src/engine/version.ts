// The Kubernetes release whose behaviour and output text Rollout Lab reproduces (see ARCHITECTURE.md).
export const KUBERNETES_VERSION = 'v1.36.2';
export const KUBERNETES_MINOR = 36;
