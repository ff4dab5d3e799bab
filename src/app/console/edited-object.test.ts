import { describe, expect, it } from 'vitest';
import { editedObject } from './edited-object.ts';

describe('editedObject', () => {
  it('reads kind and metadata.name after the edit header, not a nested name', () => {
    const text =
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n#\n" +
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    a: b\n  labels:\n    app: web\n' +
      '  name: web-deploy\n  namespace: default\nspec:\n  template:\n    spec:\n      containers:\n      - name: nginx\n';
    expect(editedObject(text)).toBe('deployment/web-deploy');
  });

  it('gives nothing for a List or text without a name', () => {
    expect(editedObject('apiVersion: v1\nkind: List\nmetadata:\n  name: x\n')).toBeNull();
    expect(editedObject('kind: Pod\n')).toBeNull();
  });
});
