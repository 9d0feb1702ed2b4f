/**
 * The zkmargin public API: domain types ({@code model}), the reference margin engine ({@code engine}),
 * venue signatures ({@code sig}), market leaves and account commitments ({@code market}), protobuf/JSON
 * wire mapping ({@code wire}) and the venue risk tools ({@code risk}).
 */
package io.zkmargin.api;
