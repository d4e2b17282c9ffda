"""Tests of the stores: the contract every kind keeps, incremental builds, kg serve."""
