import type { Millicredits } from "../credits/credit-amounts.js";
import type { PriceInterval, ProductKind } from "./catalog.table.js";

/** A product as Tollgate describes it to the provider (kept in the provider's metadata). */
export interface ProviderProductInput {
  readonly name: string;
  readonly description: string;
  readonly slug: string;
  readonly kind: ProductKind;
  readonly creditAmount: Millicredits | null;
  readonly featureKeys: readonly string[];
  readonly displayOrder: number;
  readonly isActive: boolean;
}

/** A product as the provider holds it; the fields Tollgate reads back in a sync. */
export interface ProviderProduct {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly active: boolean;
  readonly defaultPriceId: string | null;
  /** From the metadata; undefined where the provider's product does not say. */
  readonly slug: string | undefined;
  readonly kind: ProductKind | undefined;
  readonly creditAmount: Millicredits | null | undefined;
  readonly featureKeys: readonly string[] | undefined;
  readonly displayOrder: number | undefined;
}

export interface ProviderPrice {
  readonly id: string;
  readonly productId: string;
  readonly active: boolean;
  /** Null for prices Tollgate cannot sell (tiered, metered, custom amounts). */
  readonly unitAmountCents: number | null;
  readonly currency: string;
  /** Null for recurring intervals other than month and year. */
  readonly interval: PriceInterval | null;
}

/**
 * The catalog at the payment provider (Stripe): products and prices are created there first,
 * and a sync reads them back as the source of truth. The local provider has none.
 */
export interface CatalogProvider {
  createProduct(product: ProviderProductInput, idempotencyKey: string): Promise<string>;
  updateProduct(providerProductId: string, product: ProviderProductInput): Promise<void>;
  createPrice(
    price: {
      providerProductId: string;
      unitAmountCents: number;
      currency: string;
      interval: PriceInterval;
    },
    idempotencyKey: string,
  ): Promise<string>;
  setPriceActive(providerPriceId: string, active: boolean): Promise<void>;
  setDefaultPrice(providerProductId: string, providerPriceId: string): Promise<void>;
  listProducts(): Promise<ProviderProduct[]>;
  listPrices(): Promise<ProviderPrice[]>;
}
