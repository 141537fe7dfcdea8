/** Tells the delivery worker that new rows wait (after the commit that made them): a port, so no use case imports the worker. */
export abstract class DeliverySignal {
  abstract notify(): void;
}
