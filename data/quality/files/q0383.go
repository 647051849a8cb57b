// Package opencensus provides Go kit integration to the OpenCensus project.
// OpenCensus is a single distribution of libraries for metrics and distributed
// tracing with minimal overhead that allows you to export data to multiple
// backends. The Go kit OpenCencus package as provided here contains middlewares
// for tracing.
package opencensus
