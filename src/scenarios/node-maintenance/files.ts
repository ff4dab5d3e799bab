// The PodDisruptionBudget of the learner's virtual home: at least three `app=web` Pods must stay available.

export const webPdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  minAvailable: 3
  selector:
    matchLabels:
      app: web
`;
