package io.offstream.contract.service;

/** A warehouse column's type as plan reads it from the dataset's Parquet schema. */
public enum WarehouseType {
    STRING, BOOLEAN, INT, LONG, FLOAT, DOUBLE, DECIMAL, DATE, TIMESTAMP, BINARY, ARRAY, MAP, STRUCT, OTHER
}
